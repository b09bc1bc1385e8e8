package org.walletplatform.sync.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.walletplatform.model.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves records the worker gave up on to the dead-letter topic, unchanged, with the
 * reason and the original position in headers. {@link #publish} waits for the broker so
 * that the batch's offsets are committed only once its dead letters are safe.
 */
@Component
class DeadLetters {

    private final KafkaTemplate<String, String> kafka;

    private final SyncMetrics metrics;

    DeadLetters(KafkaTemplate<String, String> kafka, SyncMetrics metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
    }

    void publish(List<DeadLetter> letters) {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> original = letter.record();
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.NOTIFICATIONS_DLT, original.key(),
                    original.value());
            record.headers().add(Topics.HEADER_DLT_REASON, bytes(letter.reason()));
            record.headers().add(Topics.HEADER_DLT_DETAIL, bytes(letter.detail()));
            record.headers()
                .add(Topics.HEADER_DLT_ORIGIN,
                        bytes(original.topic() + "-" + original.partition() + "@" + original.offset()));
            acks.add(this.kafka.send(record));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        letters.forEach((l) -> this.metrics.deadLettered(l.reason()));
    }

    private static byte[] bytes(String value) {
        return (value != null ? value : "").getBytes(StandardCharsets.UTF_8);
    }

    /** A record and why it is dead-lettered. */
    record DeadLetter(ConsumerRecord<String, String> record, String reason, String detail) {
    }

}
