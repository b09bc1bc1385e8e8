package org.walletplatform.order.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each non-cash award type is delivered, and how long delivery may hang before the
 * janitor looks at it.
 *
 * @param downstreams base URL per award type code ({@code coupon}, {@code voucher},
 * {@code item}); {@code GrantContract} paths are appended
 * @param timeout one call to a downstream
 * @param stuckAfter an order still accepted or delivering after this long is picked up by
 * the janitor
 * @param janitorInterval how often the janitor runs
 */
@ConfigurationProperties("order.delivery")
record DownstreamsProperties(Map<String, URI> downstreams, @DefaultValue("2s") Duration timeout,
        @DefaultValue("30s") Duration stuckAfter, @DefaultValue("10s") Duration janitorInterval) {

    DownstreamsProperties {
        downstreams = (downstreams != null) ? downstreams : Map.of();
    }

}
