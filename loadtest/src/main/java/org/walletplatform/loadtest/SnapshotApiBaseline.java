package org.walletplatform.loadtest;

import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Raw baseline 1: the simulator's snapshot API driven directly, without the wallet, at
 * the given concurrency.
 */
final class SnapshotApiBaseline {

    private final Http http;

    private final String simulator;

    SnapshotApiBaseline(Http http, String simulator) {
        this.http = http;
        this.simulator = simulator;
    }

    /**
     * Snapshots per second through {@code GET /v1/snapshots/{userId}}, asking for each
     * user {@code passes} times.
     */
    double single(String line, long firstUser, int users, int passes, int concurrency) {
        return Concurrent.perSecond(concurrency, (long) users * passes, (i) -> {
            this.http.get(this.simulator + "/lines/" + line + "/v1/snapshots/" + (firstUser + i % users));
            return 1;
        });
    }

    /**
     * Snapshots per second through {@code POST /v1/snapshots:batch}, 100 users per call,
     * asking for each user {@code passes} times.
     */
    double batch(String line, long firstUser, int users, int passes, int concurrency) {
        int calls = users / 100;
        return Concurrent.perSecond(concurrency, (long) calls * passes, (call) -> {
            String ids = LongStream.range(0, 100)
                .mapToObj((k) -> Long.toString(firstUser + (call % calls) * 100 + k))
                .collect(Collectors.joining(",", "{\"userIds\":[", "]}"));
            this.http.post(this.simulator + "/lines/" + line + "/v1/snapshots:batch", ids);
            return 100;
        });
    }

}
