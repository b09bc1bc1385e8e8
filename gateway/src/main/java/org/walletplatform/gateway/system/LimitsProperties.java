package org.walletplatform.gateway.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Size and time caps at the edge. A batch of 500 notifications is about 60 KB; the cap
 * leaves room and stops anything larger before it costs a service memory.
 *
 * @param maxBody the largest request body the gateway passes on
 * @param maxUri the longest request URI (path and query) it passes on
 * @param bodyTimeout how long a request's body may take to arrive whole, from its head:
 * past it the request is answered 408 and its connection closed, where a client that
 * stalled mid-body held its connection, and the one to the service, for Tomcat's 60 s
 */
@ConfigurationProperties("gateway.limits")
record LimitsProperties(@DefaultValue("256KB") DataSize maxBody, @DefaultValue("8KB") DataSize maxUri,
        @DefaultValue("20s") Duration bodyTimeout) {
}
