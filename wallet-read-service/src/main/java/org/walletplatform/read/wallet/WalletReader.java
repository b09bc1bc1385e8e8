package org.walletplatform.read.wallet;

import java.util.List;
import java.util.Optional;

import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.stereotype.Service;

/**
 * Reads a wallet from Redis, or on a miss from sharded MySQL, refilling Redis with a
 * version-guarded merge so a refill racing with the sync worker never puts back an older
 * line.
 */
@Service
class WalletReader {

    static final String FROM_CACHE = "cache";

    static final String FROM_DATABASE = "database";

    private final WalletCache cache;

    private final SnapshotStore store;

    private final ReadMetrics metrics;

    WalletReader(WalletCache cache, SnapshotStore store, ReadMetrics metrics) {
        this.cache = cache;
        this.store = store;
        this.metrics = metrics;
    }

    WalletView read(long userId) {
        Optional<List<LineAssets>> cached = this.cache.get(userId);
        this.metrics.cacheLookup(cached.isPresent());
        if (cached.isPresent()) {
            return new WalletView(userId, cached.get(), FROM_CACHE);
        }
        List<LineAssets> lines = this.store.loadWallet(userId);
        this.cache.fill(userId, lines);
        return new WalletView(userId, lines, FROM_DATABASE);
    }

}
