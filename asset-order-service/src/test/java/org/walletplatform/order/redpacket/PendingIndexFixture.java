package org.walletplatform.order.redpacket;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Lists a packet in the red-packets' pending index of a running order service, where its
 * keys say ({@link RedPacketKeys}), for tests of other packages that need a cash packet
 * still unsettled without issuing one.
 */
public final class PendingIndexFixture {

    private final StringRedisTemplate redis;

    private final RedPacketKeys keys;

    public PendingIndexFixture(ApplicationContext context) {
        this.redis = context.getBean(StringRedisTemplate.class);
        this.keys = context.getBean(RedPacketKeys.class);
    }

    /** Lists the order number as pending since {@code issuedAtMs}. */
    public void list(String orderNo, long issuedAtMs) {
        this.redis.opsForZSet().add(shardOf(orderNo), orderNo, issuedAtMs);
    }

    /** Takes the order number off the index, as its settlement does. */
    public void unlist(String orderNo) {
        this.redis.opsForZSet().remove(shardOf(orderNo), orderNo);
    }

    private String shardOf(String orderNo) {
        return this.keys.pending(RedPacketKeys.actIdOf(orderNo));
    }

}
