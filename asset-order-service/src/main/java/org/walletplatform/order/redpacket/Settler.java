package org.walletplatform.order.redpacket;

import java.util.ArrayList;
import java.util.List;

import org.walletplatform.redpacket.token.RedPacketToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Settles issued packets from the settlement topic, a batch at a time: marks them
 * processing, books the batch into the ledger in one transaction (idempotent by order
 * number), then marks them success in Redis, one step per account moving their amounts
 * from pending to the settled balance. Delivery is at least once: a batch that fails is
 * retried whole, and packets booked already are only marked again. A record that is not a
 * packet is skipped and counted.
 */
@Component
class Settler {

    static final String ID = "redpacket-settler";

    /**
     * The settlers' consumer group (a property, so two deployments can share a broker).
     */
    static final String GROUP = "${order.redpacket.settler-group:redpacket-settler}";

    private static final Logger log = LoggerFactory.getLogger(Settler.class);

    private final Settlement settlement;

    private final Counter settled;

    private final Counter unreadable;

    Settler(Settlement settlement, MeterRegistry meters) {
        this.settlement = settlement;
        this.settled = Counter.builder("order.redpacket.settled")
            .description("Packets booked into the ledger (a redelivered one counts again)")
            .register(meters);
        this.unreadable = Counter.builder("order.redpacket.unreadable")
            .description("Settlement records that were not packets, skipped")
            .register(meters);
    }

    @KafkaListener(id = ID, topics = Topics.REDPACKET_SETTLEMENTS, groupId = GROUP, batch = "true")
    void settle(List<ConsumerRecord<String, String>> batch) {
        List<TokenRecord> packets = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            try {
                packets.add(TokenRecord.decode(RedPacketToken.CREATED, record.value()));
            }
            catch (RuntimeException ex) {
                this.unreadable.increment();
                log.error("Skipped settlement record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        ex.toString());
            }
        }
        this.settlement.settle(packets);
        this.settled.increment(packets.size());
    }

}
