package org.walletplatform.model.wallet;

import java.util.List;

/**
 * A user's wallet: their assets grouped by business line, as {@code GET
 * /v1/wallet/{userId}} returns it.
 *
 * @param source where the answer came from: {@code cache}, {@code database}, or
 * {@code presence} for a user the presence set knows to hold nothing (answered from
 * memory)
 * @param degraded true when the cache could not be used (Redis down or its breaker open)
 * and the answer came straight from the database; the content is still the latest stored
 */
public record WalletView(long userId, List<LineAssets> lines, String source, boolean degraded) {

    public static final String FROM_CACHE = "cache";

    public static final String FROM_DATABASE = "database";

    public static final String FROM_PRESENCE = "presence";

}
