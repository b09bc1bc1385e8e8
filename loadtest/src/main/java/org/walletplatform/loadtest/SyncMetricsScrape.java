package org.walletplatform.loadtest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the sync worker's two counters through {@code /actuator/metrics/{name}}: a whole
 * Prometheus scrape renders hundreds of Kafka client gauges and, polled during a run,
 * took a third of the worker's CPU.
 */
final class SyncMetricsScrape {

    private final Http http;

    private final String syncWorker;

    private final JsonMapper json = JsonMapper.builder().build();

    SyncMetricsScrape(Http http, String syncWorker) {
        this.http = http;
        this.syncWorker = syncWorker;
    }

    Counts read() {
        return new Counts(counter("wallet.sync.notifications"), counter("wallet.sync.snapshots.stored"));
    }

    double snapshotsStored() {
        return counter("wallet.sync.snapshots.stored");
    }

    private double counter(String name) {
        JsonNode meter = this.json.readTree(this.http.get(this.syncWorker + "/actuator/metrics/" + name));
        for (JsonNode measurement : meter.get("measurements")) {
            if ("COUNT".equals(measurement.get("statistic").asString())) {
                return measurement.get("value").asDouble();
            }
        }
        throw new IllegalStateException(name + " has no COUNT");
    }

    /** Notifications consumed and snapshots stored so far. */
    record Counts(double notifications, double snapshotsStored) {

        Counts minus(Counts before) {
            return new Counts(this.notifications - before.notifications, this.snapshotsStored - before.snapshotsStored);
        }

    }

}
