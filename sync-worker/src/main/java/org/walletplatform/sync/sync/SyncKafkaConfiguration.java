package org.walletplatform.sync.sync;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics the worker needs, and what happens when a batch throws: only infrastructure
 * failures (MySQL, Redis or Kafka down) reach here, since bad records are dead-lettered
 * by the service. Such a batch is retried with growing pauses until the infrastructure is
 * back; its offsets stay uncommitted meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class SyncKafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SyncKafkaConfiguration.class);

    @Bean
    NewTopic notificationsTopic(SyncProperties properties) {
        return TopicBuilder.name(Topics.NOTIFICATIONS).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic deadLetterTopic(SyncProperties properties) {
        return TopicBuilder.name(Topics.NOTIFICATIONS_DLT).partitions(properties.partitions()).build();
    }

    @Bean
    DefaultErrorHandler batchRetryingErrorHandler(SyncProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, ex) -> log.error("Batch retries ended at {}", record, ex), backOff);
        handler.setRetryListeners(
                (record, ex, attempt) -> log.warn("Sync batch failed (attempt {}): {}", attempt, ex.getMessage()));
        return handler;
    }

}
