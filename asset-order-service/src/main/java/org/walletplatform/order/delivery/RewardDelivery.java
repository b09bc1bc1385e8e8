package org.walletplatform.order.delivery;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.walletplatform.model.reward.GrantContract.GrantRequest;
import org.walletplatform.order.reward.RewardOrder;
import org.walletplatform.support.switches.DegradationSwitches;

import org.springframework.stereotype.Component;

/**
 * Delivers non-cash rewards to their downstream after the order is written, off the
 * request's path: accepted → delivering → delivered, or failed when the downstream
 * refuses for good. Each downstream has its own bulkhead, circuit breaker and retry
 * ({@code downstream-<type>}), so a slow coupon system holds up coupons only, and cash
 * red packets never wait on any of them. An outcome that stays unknown after the retries
 * leaves the order delivering, for {@link DeliveryJanitor} to resolve by asking the
 * downstream.
 */
@Component
class RewardDelivery {

    private static final Logger log = LoggerFactory.getLogger(RewardDelivery.class);

    private final DeliveryOutcomes outcomes;

    private final GrantClient client;

    private final BulkheadRegistry bulkheads;

    private final CircuitBreakerRegistry breakers;

    private final RetryRegistry retries;

    private final MeterRegistry meters;

    private final DegradationSwitches switches;

    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();

    RewardDelivery(DeliveryOutcomes outcomes, GrantClient client, BulkheadRegistry bulkheads,
            CircuitBreakerRegistry breakers, RetryRegistry retries, MeterRegistry meters,
            DegradationSwitches switches) {
        this.switches = switches;
        this.outcomes = outcomes;
        this.client = client;
        this.bulkheads = bulkheads;
        this.breakers = breakers;
        this.retries = retries;
        this.meters = meters;
    }

    /**
     * Delivers a new order off the caller's thread; test-phase orders never reach a real
     * downstream.
     */
    void deliverLater(RewardOrder order) {
        if (!order.isolated()) {
            this.tasks.execute(() -> deliver(order));
        }
    }

    /** The degradation switch of the downstream of {@code awardType}. */
    static String switchOf(String awardType) {
        return "delivery." + awardType;
    }

    /**
     * Delivers the order, unless its downstream is switched off (the order then waits,
     * accepted, for the janitor). The order is not marked delivering before the call: a
     * confirmed grant moves it straight to delivered, and only an unknown outcome is
     * written as delivering, which tells the janitor to ask the downstream before
     * delivering again. A grant the downstream applied whose outcome was then lost with a
     * crash is delivered again, and the downstream, keyed by the order number, answers it
     * without granting twice.
     */
    void deliver(RewardOrder order) {
        if (!this.switches.isOn(switchOf(order.awardType()))) {
            count("switched-off");
            return;
        }
        String name = "downstream-" + order.awardType();
        Bulkhead bulkhead = this.bulkheads.bulkhead(name, "downstream");
        CircuitBreaker breaker = this.breakers.circuitBreaker(name, "downstream");
        Retry retry = this.retries.retry(name, "downstream");
        Runnable call = () -> this.client.grant(order.awardType(), order.orderNo(),
                new GrantRequest(order.actId(), order.amountMinor(), order.payload()));
        try {
            Retry
                .decorateRunnable(retry,
                        CircuitBreaker.decorateRunnable(breaker, Bulkhead.decorateRunnable(bulkhead, call)))
                .run();
            this.outcomes.record(order, RewardOrder.DELIVERED);
        }
        catch (GrantClient.DeliveryRefusedException ex) {
            log.warn("Reward {} refused by its downstream: {}", order.orderNo(), ex.getMessage());
            this.outcomes.record(order, RewardOrder.FAILED);
        }
        catch (BulkheadFullException | CallNotPermittedException ex) {
            count("deferred"); // never sent: the janitor delivers it later
        }
        catch (RuntimeException ex) {
            // unknown outcome: delivering, until the janitor asks the downstream
            count("unknown");
            this.outcomes.record(order, RewardOrder.DELIVERING);
            log.debug("Reward {} not confirmed: {}", order.orderNo(), ex.toString());
        }
    }

    /** For an order stuck in accepted or delivering: finds out what happened and acts. */
    void resolve(RewardOrder order) {
        if (!this.switches.isOn(switchOf(order.awardType()))) {
            return;
        }
        if (RewardOrder.DELIVERING.equals(order.state())) {
            Optional<Boolean> applied = this.client.applied(order.awardType(), order.orderNo());
            if (applied.isEmpty()) {
                return; // the downstream cannot say now; the next round asks again
            }
            if (applied.get()) {
                this.outcomes.record(order, RewardOrder.DELIVERED);
                return;
            }
        }
        deliver(order);
    }

    private void count(String result) {
        this.meters.counter("order.delivery", "result", result).increment();
    }

    @PreDestroy
    void close() {
        this.tasks.shutdownNow();
    }

}
