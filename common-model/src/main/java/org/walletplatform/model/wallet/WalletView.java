package org.walletplatform.model.wallet;

import java.util.List;

/**
 * A user's wallet: their assets grouped by business line, as {@code GET
 * /v1/wallet/{userId}} returns it.
 *
 * @param source where the answer came from ({@code cache} or {@code database}); later
 * also {@code presence}
 */
public record WalletView(long userId, List<LineAssets> lines, String source) {

    public WalletView withSource(String newSource) {
        return new WalletView(userId, lines, newSource);
    }

}
