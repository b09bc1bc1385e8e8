package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed batch fails each of its callers with the work's own exception (issuance tells
 * from its type whether anything may have been written), and the batches go on.
 */
class BatcherTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void shouldThrowTheWorksOwnExceptionToEveryCallerOfAFailedBatchAndGoOn() throws Exception {
        try (Batcher<Integer, Integer> batcher = new Batcher<>("test-batches", 64, Duration.ofMillis(50),
                this.meters.summary("batch"), (items) -> {
                    if (items.contains(-1)) {
                        throw new QueryTimeoutException("Redis did not answer");
                    }
                    return items.stream().map((item) -> item * 2).toList();
                })) {
            List<Callable<String>> callers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int item = (i == 0) ? -1 : i;
                callers.add(() -> {
                    try {
                        return "doubled " + batcher.submit(item);
                    }
                    catch (QueryTimeoutException ex) {
                        return "timed out";
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<String> outcome : threads.invokeAll(callers)) {
                    outcomes.add(outcome.get());
                }
            }

            // the callers batched with the failing item failed with it, the others got
            // their results
            assertThat(outcomes.getFirst()).isEqualTo("timed out");
            for (int i = 1; i < 32; i++) {
                assertThat(outcomes.get(i)).isIn("timed out", "doubled " + 2 * i);
            }
            assertThat(batcher.submit(21)).isEqualTo(42);
            assertThatExceptionOfType(QueryTimeoutException.class).isThrownBy(() -> batcher.submit(-1));
        }
    }

}
