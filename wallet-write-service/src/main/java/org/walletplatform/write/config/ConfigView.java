package org.walletplatform.write.config;

import org.walletplatform.support.configrelease.ReleaseState;

/**
 * A configuration's release state as the admin answers it.
 *
 * @param published whether Redis, which the services read, holds this revision yet; if
 * not, the write service publishes it again within seconds, and readers on the MySQL
 * mirror (Redis down) have it already
 */
record ConfigView(ReleaseState state, boolean published) {
}
