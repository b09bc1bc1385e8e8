package org.walletplatform.write.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Intake meters: notifications accepted (their rate is the intake rate), request batch
 * sizes, and requests refused because the queue did not acknowledge.
 */
@Component
class IntakeMetrics {

    static final String ACCEPTED = "wallet.intake.notifications";

    static final String BATCH_SIZE = "wallet.intake.batch.size";

    static final String QUEUE_FAILURES = "wallet.intake.queue.failures";

    private final Counter accepted;

    private final DistributionSummary batchSize;

    private final Counter queueFailures;

    IntakeMetrics(MeterRegistry registry) {
        this.accepted = Counter.builder(ACCEPTED)
            .description("Notifications acknowledged by the queue")
            .register(registry);
        this.batchSize = DistributionSummary.builder(BATCH_SIZE)
            .description("Notifications per intake request")
            .register(registry);
        this.queueFailures = Counter.builder(QUEUE_FAILURES)
            .description("Requests refused with 503 because the queue did not acknowledge")
            .register(registry);
    }

    void accepted(int count) {
        this.accepted.increment(count);
        this.batchSize.record(count);
    }

    void refused() {
        this.queueFailures.increment();
    }

}
