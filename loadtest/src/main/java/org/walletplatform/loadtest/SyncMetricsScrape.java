package org.walletplatform.loadtest;

import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the sync worker's counters through {@code /actuator/metrics/{name}}: a whole
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
        return new Counts(counter("wallet.sync.notifications"), counter("wallet.sync.snapshots.stored"),
                counter("jvm.compilation.time") / 1000);
    }

    private double counter(String name) {
        return statistic(this.syncWorker + "/actuator/metrics/" + name, "COUNT");
    }

    /**
     * The read instance's presence staleness histogram (database write to visible there):
     * cumulative count per bucket bound, in seconds, from its Prometheus scrape.
     */
    TreeMap<Double, Double> presenceStaleness(String readService) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : this.http.get(readService + "/actuator/prometheus").split("\n")) {
            if (line.startsWith("wallet_presence_staleness_seconds_bucket{")) {
                String le = line.substring(line.indexOf("le=\"") + 4, line.indexOf('"', line.indexOf("le=\"") + 4));
                buckets.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return buckets;
    }

    /**
     * The staleness of the deltas between two scrapes: their count and the bucket bound
     * under which 50 % and 99 % of them fall.
     */
    static String stalenessBetween(TreeMap<Double, Double> before, TreeMap<Double, Double> after) {
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        return String.format("%.0f deltas; p50 ≤ %s, p99 ≤ %s", total, bound(before, after, total * 0.5),
                bound(before, after, total * 0.99));
    }

    private static String bound(TreeMap<Double, Double> before, TreeMap<Double, Double> after, double rank) {
        for (var bucket : after.entrySet()) {
            if (bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0) >= rank) {
                return bucket.getKey().isInfinite() ? "∞" : String.format("%.0f ms", bucket.getKey() * 1000);
            }
        }
        return "?";
    }

    private double statistic(String url, String statistic) {
        JsonNode meter = this.json.readTree(this.http.get(url));
        for (JsonNode measurement : meter.get("measurements")) {
            if (statistic.equals(measurement.get("statistic").asString())) {
                return measurement.get("value").asDouble();
            }
        }
        throw new IllegalStateException(url + " has no " + statistic);
    }

    /**
     * Notifications consumed, snapshots stored and seconds the worker's JIT compilers
     * have spent so far.
     */
    record Counts(double notifications, double snapshotsStored, double jitSeconds) {

        Counts minus(Counts before) {
            return new Counts(this.notifications - before.notifications, this.snapshotsStored - before.snapshotsStored,
                    this.jitSeconds - before.jitSeconds);
        }

    }

}
