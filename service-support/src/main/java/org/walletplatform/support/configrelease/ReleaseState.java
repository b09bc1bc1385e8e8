package org.walletplatform.support.configrelease;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One configuration's released state, as the write service publishes it to Redis and
 * mirrors it to MySQL: the version everyone sees and, while a gray release runs, the
 * version its whitelisted users see instead. Every change raises the revision, a rollback
 * too, so a reader never takes a lower one.
 *
 * @param stable {@code null} before the first release: readers keep their built-in
 * configuration
 * @param gray {@code null} when no gray release runs
 */
public record ReleaseState(String name, long revision, Release stable, Gray gray) {

    public record Release(long version, JsonNode config, Instant releasedAt) {
    }

    /**
     * @param whitelist the users who see this version, ascending, no duplicates
     */
    public record Gray(long version, JsonNode config, List<Long> whitelist, Instant startedAt) {
    }

}
