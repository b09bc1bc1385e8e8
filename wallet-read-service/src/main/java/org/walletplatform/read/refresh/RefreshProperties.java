package org.walletplatform.read.refresh;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pull on entry.
 *
 * @param writeServiceUrl base URL of the wallet write service
 * @param minInterval a user's lines are refreshed at most once in this interval, however
 * often they open the wallet
 * @param absentMinInterval the same for a user the presence set says holds nothing:
 * remembered on this instance only (no Redis call for them), and rarer, since such users
 * are most of the traffic and a missed first push is the only case it catches
 * @param memory users remembered per instance, each kind, so that repeated visits within
 * the interval skip even the Redis claim
 * @param timeout how long one refresh request (up to 500 users) may take; off the request
 * path, and one sender per instance, so a slow write side costs no threads
 * @param maxPending users waiting to be sent to the write side; beyond it new ones are
 * dropped (the next entry after the interval asks again)
 */
@ConfigurationProperties("wallet.refresh")
record RefreshProperties(@DefaultValue("http://127.0.0.1:8082") URI writeServiceUrl,
        @DefaultValue("10m") Duration minInterval, @DefaultValue("24h") Duration absentMinInterval,
        @DefaultValue("100000") int memory, @DefaultValue("5s") Duration timeout,
        @DefaultValue("10000") int maxPending) {
}
