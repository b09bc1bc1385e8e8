package org.walletplatform.read.home;

import java.util.List;

/**
 * What the home entry shows: four slots and which asset kinds count toward the totals.
 * Comes from a {@link DisplayConfigSource}; releases with gray rollout arrive with the
 * configuration work.
 */
public record DisplayConfig(List<SlotSpec> slots, List<String> totalKinds) {

    /**
     * @param measure {@code sum} or {@code count}
     */
    public record SlotSpec(String businessLine, String kind, String name, String icon, String link, String measure,
            String unit) {
    }

}
