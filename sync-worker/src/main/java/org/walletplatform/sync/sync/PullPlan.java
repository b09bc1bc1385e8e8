package org.walletplatform.sync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.walletplatform.model.notification.AssetChangeNotification;

/**
 * The coalesced work of one batch: for each business line, each user to pull once, with
 * the highest version any of their notifications announced and the records that asked for
 * it (kept to dead-letter them if the pull fails).
 */
final class PullPlan {

    private final Map<String, Map<Long, Wanted>> byLine = new TreeMap<>();

    private int notifications;

    static PullPlan of(List<Decoded> decoded) {
        PullPlan plan = new PullPlan();
        decoded.forEach(plan::add);
        return plan;
    }

    private void add(Decoded decoded) {
        AssetChangeNotification n = decoded.notification();
        Wanted wanted = this.byLine.computeIfAbsent(n.businessLine(), (l) -> new HashMap<>())
            .computeIfAbsent(n.userId(), (u) -> new Wanted(new ArrayList<>()));
        wanted.records().add(decoded.record());
        wanted.announce((n.version() != null) ? n.version() : 0L);
        this.notifications++;
    }

    Map<String, Map<Long, Wanted>> byLine() {
        return this.byLine;
    }

    int notifications() {
        return this.notifications;
    }

    int pulls() {
        return this.byLine.values().stream().mapToInt(Map::size).sum();
    }

    /** One (line, user) to pull. */
    static final class Wanted {

        private final List<ConsumerRecord<String, String>> records;

        private long announcedVersion;

        Wanted(List<ConsumerRecord<String, String>> records) {
            this.records = records;
        }

        List<ConsumerRecord<String, String>> records() {
            return this.records;
        }

        long announcedVersion() {
            return this.announcedVersion;
        }

        void announce(long version) {
            this.announcedVersion = Math.max(this.announcedVersion, version);
        }

    }

}
