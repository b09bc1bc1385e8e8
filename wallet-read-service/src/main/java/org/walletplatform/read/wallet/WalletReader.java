package org.walletplatform.read.wallet;

import java.util.List;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.model.wallet.WalletView;
import org.walletplatform.read.presence.LivePresence;
import org.walletplatform.store.cache.WalletCache;
import org.walletplatform.store.snapshot.SnapshotStore;

import org.springframework.stereotype.Service;

/**
 * Reads a wallet: a user the presence set says holds nothing gets an empty wallet from
 * memory; anyone else from Redis, or on a miss from sharded MySQL, refilling Redis with a
 * version-guarded merge so a refill racing with the sync worker never puts back an older
 * line. Redis sits behind the {@code walletCache} circuit breaker: while Redis fails,
 * reads go straight to MySQL and say so ({@code degraded}); the breaker probes Redis
 * again by itself and reads return to the cache without a restart.
 */
@Service
public class WalletReader {

    static final String BREAKER = "walletCache";

    private static final Logger log = LoggerFactory.getLogger(WalletReader.class);

    private final WalletCache cache;

    private final SnapshotStore store;

    private final ReadMetrics metrics;

    private final CircuitBreaker breaker;

    private final LivePresence presence;

    WalletReader(LivePresence presence, WalletCache cache, SnapshotStore store, ReadMetrics metrics,
            CircuitBreakerRegistry breakers) {
        this.presence = presence;
        this.cache = cache;
        this.store = store;
        this.metrics = metrics;
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    public WalletView read(long userId) {
        if (this.presence.isAbsent(userId)) {
            return new WalletView(userId, List.of(), WalletView.FROM_PRESENCE, false);
        }
        Optional<List<LineAssets>> cached;
        try {
            cached = this.breaker.executeSupplier(() -> this.cache.get(userId));
        }
        catch (RuntimeException ex) {
            this.metrics.cacheUnavailable();
            log.debug("Wallet cache unavailable, reading MySQL: {}", ex.toString());
            return new WalletView(userId, this.store.loadWallet(userId), WalletView.FROM_DATABASE, true);
        }
        this.metrics.cacheLookup(cached.isPresent());
        if (cached.isPresent()) {
            return new WalletView(userId, cached.get(), WalletView.FROM_CACHE, false);
        }
        List<LineAssets> lines = this.store.loadWallet(userId);
        try {
            this.breaker.executeRunnable(() -> this.cache.fill(userId, lines));
        }
        catch (RuntimeException ex) {
            // the answer is right without the refill; the next read tries again
            this.metrics.cacheUnavailable();
        }
        return new WalletView(userId, lines, WalletView.FROM_DATABASE, false);
    }

}
