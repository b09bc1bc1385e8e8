package org.walletplatform.order.redpacket;

import org.apache.kafka.clients.admin.NewTopic;
import org.walletplatform.model.Topics;
import org.walletplatform.redpacket.token.TokenSigner;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The token signer, the settlement topic, and how the settler treats a batch that fails.
 */
@Configuration(proxyBeanMethods = false)
class SettlementTopicConfiguration {

    @Bean
    TokenSigner tokenSigner(RedPacketProperties properties) {
        return new TokenSigner(properties.signingKeyId(), properties.keys());
    }

    @Bean
    NewTopic redPacketSettlements() {
        return TopicBuilder.name(Topics.REDPACKET_SETTLEMENTS).partitions(4).replicas(1).build();
    }

    /**
     * A failed batch (MySQL or Redis away) is retried whole, with backoff up to 10 s, for
     * as long as it takes: settlement never skips a packet, it waits.
     */
    @Bean
    CommonErrorHandler settlementErrors() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }

}
