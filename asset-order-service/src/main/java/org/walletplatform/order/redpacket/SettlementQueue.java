package org.walletplatform.order.redpacket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes issued packets for settlement, keyed by actID. Issuance does not wait for the
 * broker's acknowledgement: the packet is pending in Redis already, and
 * {@link PendingRepublisher} publishes again whatever is still pending after a while, so
 * a lost publication delays a settlement and never loses it.
 */
@Component
class SettlementQueue {

    private static final Logger log = LoggerFactory.getLogger(SettlementQueue.class);

    private final KafkaTemplate<String, String> kafka;

    SettlementQueue(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    void publish(TokenRecord record) {
        try {
            this.kafka.send(Topics.REDPACKET_SETTLEMENTS, Long.toString(record.actId()), record.encode())
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("Packet {} not published; it is published again later: {}", record.orderNo(),
                                failure.toString());
                    }
                });
        }
        catch (RuntimeException ex) {
            log.warn("Packet {} not published; it is published again later: {}", record.orderNo(), ex.toString());
        }
    }

}
