package org.walletplatform.order.withdrawal;

import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.walletplatform.model.reward.GrantContract.GrantRequest;
import org.walletplatform.order.delivery.GrantClient;

import org.springframework.stereotype.Component;

/**
 * The payment downstream, which pays a withdrawal out (the simulator stands in for it):
 * the same contract as the reward downstreams, under the key {@code payment}, with its
 * own bulkhead, breaker and retry ({@code downstream-payment}). The withdrawal's payment
 * key makes a repeated payout idempotent.
 */
@Component
class Payments {

    static final String KIND = "payment";

    private final GrantClient client;

    private final Bulkhead bulkhead;

    private final CircuitBreaker breaker;

    private final Retry retry;

    Payments(GrantClient client, BulkheadRegistry bulkheads, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.client = client;
        this.bulkhead = bulkheads.bulkhead("downstream-" + KIND, "downstream");
        this.breaker = breakers.circuitBreaker("downstream-" + KIND, "downstream");
        this.retry = retries.retry("downstream-" + KIND, "downstream");
    }

    /** What became of a payout. */
    enum Result {

        PAID, REFUSED, UNKNOWN

    }

    Result pay(Withdrawal withdrawal) {
        Runnable call = () -> this.client.grant(KIND, withdrawal.paymentKey(),
                new GrantRequest(withdrawal.actId(), withdrawal.amountMinor(), Map.of()));
        try {
            Retry
                .decorateRunnable(this.retry,
                        CircuitBreaker.decorateRunnable(this.breaker, Bulkhead.decorateRunnable(this.bulkhead, call)))
                .run();
            return Result.PAID;
        }
        catch (GrantClient.DeliveryRefusedException ex) {
            return Result.REFUSED;
        }
        catch (RuntimeException ex) {
            return Result.UNKNOWN; // including never sent (bulkhead full, breaker open)
        }
    }

    /** Whether the downstream paid it; empty if it cannot say now. */
    Optional<Boolean> paid(Withdrawal withdrawal) {
        return this.client.applied(KIND, withdrawal.paymentKey());
    }

}
