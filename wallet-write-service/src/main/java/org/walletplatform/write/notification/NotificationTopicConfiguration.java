package org.walletplatform.write.notification;

import org.apache.kafka.clients.admin.NewTopic;
import org.walletplatform.model.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The intake owns the notifications topic and creates it on start if it is missing.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTopicConfiguration {

    @Bean
    NewTopic notificationsTopic(IntakeProperties properties) {
        return TopicBuilder.name(Topics.NOTIFICATIONS).partitions(properties.partitions()).build();
    }

}
