package org.walletplatform.read.wallet;

import org.walletplatform.read.refresh.EntryRefresher;

import org.springframework.stereotype.Component;

/**
 * The answer to {@code GET /v1/wallet/{userId}}, shared by {@link WalletFastPath} and
 * {@link WalletController}: the wallet as JSON, with the pull-on-entry refresh scheduled.
 */
@Component
class WalletAnswers {

    private final WalletReader reader;

    private final EntryRefresher refresher;

    WalletAnswers(WalletReader reader, EntryRefresher refresher) {
        this.reader = reader;
        this.refresher = refresher;
    }

    byte[] answer(long userId) {
        RenderedWallet wallet = this.reader.readRendered(userId);
        this.refresher.onEntry(userId, wallet.source());
        return wallet.json();
    }

}
