package org.walletplatform.write.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.walletplatform.model.Topics;

/**
 * Watches the notifications topic from its current end: what arrives after, and how many
 * records it holds.
 */
final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    TopicProbe(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "intake-probe-" + UUID.randomUUID()), new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.NOTIFICATIONS)
            .stream()
            .map((p) -> new TopicPartition(p.topic(), p.partition()))
            .toList();
        this.consumer.assign(partitions);
        this.consumer.seekToEnd(partitions);
        partitions.forEach(this.consumer::position);
    }

    /**
     * Records on the topic in all partitions; a 202 comes only after the broker
     * acknowledged, so it is exact.
     */
    long endOffsetSum() {
        return this.consumer.endOffsets(this.consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
    }

    Iterable<ConsumerRecord<String, String>> poll(Duration timeout) {
        return this.consumer.poll(timeout);
    }

    @Override
    public void close() {
        this.consumer.close();
    }

}
