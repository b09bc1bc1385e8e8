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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

    private final JsonMapper json;

    private static final TypeReference<List<LineAssets>> LINES = new TypeReference<>() {
    };

    WalletReader(LivePresence presence, WalletCache cache, SnapshotStore store, ReadMetrics metrics,
            CircuitBreakerRegistry breakers, JsonMapper json) {
        this.presence = presence;
        this.json = json;
        this.cache = cache;
        this.store = store;
        this.metrics = metrics;
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    /**
     * The wallet with its lines parsed, for views that compute on them (the home entry).
     * A cache miss renders the lines only to parse them again here; misses are rare.
     */
    public WalletView read(long userId) {
        RenderedWallet wallet = readRendered(userId);
        return new WalletView(userId, this.json.readValue(wallet.lines(), LINES), wallet.source(), wallet.degraded());
    }

    /** The wallet, with a cache hit passed on as the JSON the cache holds. */
    RenderedWallet readRendered(long userId) {
        if (this.presence.isAbsent(userId)) {
            return new RenderedWallet(userId, "[]", WalletView.FROM_PRESENCE, false);
        }
        Optional<String> cached;
        try {
            cached = this.breaker.executeSupplier(() -> this.cache.getRenderedLines(userId));
        }
        catch (RuntimeException ex) {
            return RenderedWallet.of(userId, degraded(userId, ex), WalletView.FROM_DATABASE, true, this.json);
        }
        this.metrics.cacheLookup(cached.isPresent());
        return cached.map((lines) -> new RenderedWallet(userId, lines, WalletView.FROM_CACHE, false))
            .orElseGet(
                    () -> RenderedWallet.of(userId, loadAndRefill(userId), WalletView.FROM_DATABASE, false, this.json));
    }

    private List<LineAssets> degraded(long userId, RuntimeException ex) {
        this.metrics.cacheUnavailable();
        log.debug("Wallet cache unavailable, reading MySQL: {}", ex.toString());
        return this.store.loadWallet(userId);
    }

    private List<LineAssets> loadAndRefill(long userId) {
        List<LineAssets> lines = this.store.loadWallet(userId);
        try {
            this.breaker.executeRunnable(() -> this.cache.fill(userId, lines));
        }
        catch (RuntimeException ex) {
            // the answer is right without the refill; the next read tries again
            this.metrics.cacheUnavailable();
        }
        return lines;
    }

}
