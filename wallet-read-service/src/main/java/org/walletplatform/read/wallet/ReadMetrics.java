package org.walletplatform.read.wallet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Read meters: cache lookups tagged hit or miss, from which dashboards derive the hit ratio.
 */
@Component
class ReadMetrics implements MeterBinder {

    static final String CACHE_LOOKUPS = "wallet.read.cache.lookups";

    static final String TAG_RESULT = "result";

    private Counter hits;

    private Counter misses;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.hits = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "hit").register(registry);
        this.misses = Counter.builder(CACHE_LOOKUPS).tag(TAG_RESULT, "miss").register(registry);
    }

    void cacheLookup(boolean hit) {
        (hit ? this.hits : this.misses).increment();
    }

}
