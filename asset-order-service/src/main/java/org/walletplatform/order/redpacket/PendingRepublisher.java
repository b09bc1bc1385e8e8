package org.walletplatform.order.redpacket;

import java.time.Clock;

import org.walletplatform.redpacket.token.RedPacketToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes again, for settlement, every packet still pending {@code republishAfter}
 * after its issue: its first publication may have been lost (issuance does not wait for
 * the broker). Settling twice is harmless, so every instance may run this. Nothing is
 * published again while settlement is switched off ({@link SettlementSwitch}), nor while
 * the settlers have not yet consumed everything published before the packets' issue
 * ({@link SettlementBacklog}): they are waiting in Kafka.
 */
@Component
class PendingRepublisher {

    private static final Logger log = LoggerFactory.getLogger(PendingRepublisher.class);

    private static final int PER_SHARD = 500;

    private final PendingTokens pending;

    private final PendingIndex index;

    private final SettlementQueue queue;

    private final RedPacketProperties properties;

    private final Clock clock;

    private final SettlementSwitch settlement;

    private final SettlementBacklog backlog;

    PendingRepublisher(PendingTokens pending, PendingIndex index, SettlementQueue queue, RedPacketProperties properties,
            Clock clock, SettlementSwitch settlement, SettlementBacklog backlog) {
        this.index = index;
        this.settlement = settlement;
        this.backlog = backlog;
        this.pending = pending;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${order.redpacket.republish-after:30s}")
    void republishStalePackets() {
        if (!this.settlement.isOn()) {
            return;
        }
        try {
            long before = this.clock.millis() - this.properties.republishAfter().toMillis();
            if (!this.backlog.consumedBefore(before)) {
                log.debug("Settlement is behind; pending packets are not published again yet");
                return;
            }
            int count = 0;
            for (String orderNo : this.index.pendingSince(before, PER_SHARD)) {
                var record = this.pending.find(orderNo);
                if (record.isPresent() && record.get().status() != RedPacketToken.SUCCESS) {
                    this.queue.publish(record.get());
                    count++;
                }
            }
            if (count > 0) {
                log.info("Published {} pending packets for settlement again", count);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Pending packets not republished; the next round tries again: {}", ex.toString());
        }
    }

}
