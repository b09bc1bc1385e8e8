package org.walletplatform.sync.sync;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.walletplatform.model.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives notifications in batches; the container commits a batch's offsets only after
 * this returns.
 */
@Component
class NotificationBatchListener {

    static final String ID = "notification-sync";

    private final SyncService sync;

    NotificationBatchListener(SyncService sync) {
        this.sync = sync;
    }

    @KafkaListener(id = ID, topics = Topics.NOTIFICATIONS, batch = "true",
            autoStartup = "${wallet.sync.auto-startup:true}")
    void onBatch(List<ConsumerRecord<String, String>> records) {
        this.sync.sync(records);
    }

}
