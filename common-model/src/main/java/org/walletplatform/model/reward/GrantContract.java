package org.walletplatform.model.reward;

import java.time.Instant;
import java.util.Map;

/**
 * The HTTP contract of a reward downstream (a coupon, voucher or item system): the order
 * center delivers a non-cash reward with {@code PUT {base}/v1/grants/{orderNo}}, the
 * order number being the downstream's idempotency key (a repeated PUT applies once and
 * answers the same grant), and asks what became of a delivery with {@code GET
 * {base}/v1/grants/{orderNo}} (404: never applied).
 */
public final class GrantContract {

    /** The path on the simulator, whose base is {@code /downstreams/{kind}}. */
    public static final String GRANT_PATH = "/downstreams/{kind}/v1/grants/{orderNo}";

    private GrantContract() {
    }

    public record GrantRequest(long actId, long amountMinor, Map<String, Object> payload) {
    }

    public record Grant(String orderNo, String grantId, long actId, long amountMinor, Instant grantedAt) {
    }

}
