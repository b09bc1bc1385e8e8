package org.walletplatform.loadtest;

/**
 * Reads the sync worker's counters from its Prometheus endpoint, to report the coalescing ratio of a run.
 */
final class SyncMetricsScrape {

    private final Http http;

    private final String syncWorker;

    SyncMetricsScrape(Http http, String syncWorker) {
        this.http = http;
        this.syncWorker = syncWorker;
    }

    Counts read() {
        String text = this.http.get(this.syncWorker + "/actuator/prometheus");
        return new Counts(counter(text, "wallet_sync_notifications_total"), counter(text, "wallet_sync_snapshots_stored_total"));
    }

    private static double counter(String text, String name) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Notifications consumed and snapshots stored so far. */
    record Counts(double notifications, double snapshotsStored) {

        Counts minus(Counts before) {
            return new Counts(this.notifications - before.notifications, this.snapshotsStored - before.snapshotsStored);
        }

    }

}
