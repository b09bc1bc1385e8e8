package org.walletplatform.write.config;

import java.time.Instant;

/**
 * One change of a configuration's release state, as the history lists it.
 *
 * @param action {@code release}, {@code gray-release}, {@code whitelist},
 * {@code promote}, {@code abort} or {@code rollback}
 * @param version the version the change released, promoted, aborted or rolled back to
 * @param whitelisted how many users the gray release names after the change
 */
record ConfigChange(long revision, String action, long version, int whitelisted, String actor, Instant changedAt) {
}
