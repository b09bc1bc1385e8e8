package org.walletplatform.order.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.order.reward.RewardOrderStore;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The retry job and janitor in one: every {@code janitorInterval} it takes the non-cash
 * orders that have been accepted or delivering for longer than {@code stuckAfter} (a
 * delivery lost with a crashed instance, an outcome the retries could not learn) and
 * resolves each: asks the downstream whether it applied the grant, marks it delivered if
 * so, delivers again if not. Redelivery is safe because the order number is the
 * downstream's idempotency key.
 */
@Component
class DeliveryJanitor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJanitor.class);

    private static final int BATCH = 200;

    private final RewardOrderStore store;

    private final RewardDelivery delivery;

    private final DownstreamsProperties properties;

    private final Clock clock;

    DeliveryJanitor(RewardOrderStore store, RewardDelivery delivery, DownstreamsProperties properties, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${order.delivery.janitor-interval:10s}")
    void resolveStuckOrders() {
        try {
            for (RewardOrder order : this.store.findStuck(this.clock.millis() - this.properties.stuckAfter().toMillis(),
                    BATCH)) {
                this.delivery.resolve(order);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Delivery janitor round failed; the next one tries again: {}", ex.toString());
        }
    }

}
