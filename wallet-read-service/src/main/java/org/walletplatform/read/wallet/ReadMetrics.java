package org.walletplatform.read.wallet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Read meters: cache lookups tagged hit or miss, from which dashboards derive the hit
 * ratio.
 */
@Component
class ReadMetrics {

    static final String CACHE_LOOKUPS = "wallet.read.cache.lookups";

    static final String CACHE_UNAVAILABLE = "wallet.read.cache.unavailable";

    static final String TAG_RESULT = "result";

    private final Counter hits;

    private final Counter misses;

    private final Counter unavailable;

    ReadMetrics(MeterRegistry registry) {
        this.hits = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "hit").register(registry);
        this.misses = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "miss").register(registry);
        this.unavailable = Counter.builder(CACHE_UNAVAILABLE)
            .description("Reads or refills that could not use Redis (down, slow or breaker open)")
            .register(registry);
    }

    void cacheUnavailable() {
        this.unavailable.increment();
    }

    void cacheLookup(boolean hit) {
        (hit ? this.hits : this.misses).increment();
    }

}
