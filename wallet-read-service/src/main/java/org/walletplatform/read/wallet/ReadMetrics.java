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

    static final String TAG_RESULT = "result";

    private final Counter hits;

    private final Counter misses;

    ReadMetrics(MeterRegistry registry) {
        this.hits = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "hit").register(registry);
        this.misses = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "miss").register(registry);
    }

    void cacheLookup(boolean hit) {
        (hit ? this.hits : this.misses).increment();
    }

}
