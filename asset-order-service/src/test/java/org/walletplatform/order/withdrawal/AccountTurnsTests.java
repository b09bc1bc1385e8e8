package org.walletplatform.order.withdrawal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.walletplatform.support.problem.ApiProblemException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountTurnsTests {

    @Test
    void shouldLetOneWithdrawalOfAnAccountInAtATime() throws Exception {
        AccountTurns turns = turnsWaiting(Duration.ofSeconds(10));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                threads.submit(() -> turns.inTurn(7L, () -> {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    sleep(2);
                    return inside.decrementAndGet();
                }));
            }
        }
        assertThat(mostInside.get()).isEqualTo(1);
    }

    @Test
    void shouldNotHoldUpAnotherAccount() throws Exception {
        AccountTurns turns = turnsWaiting(Duration.ofMillis(200));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch release = holdTurn(turns, 1L, threads);

            assertThat(turns.inTurn(2L, () -> "other account")).isEqualTo("other account");
            release.countDown();
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenTheTurnDoesNotComeInTime() throws Exception {
        AccountTurns turns = turnsWaiting(Duration.ofMillis(100));
        AtomicInteger ran = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch release = holdTurn(turns, 1L, threads);

            assertThatExceptionOfType(ApiProblemException.class)
                .isThrownBy(() -> turns.inTurn(1L, ran::incrementAndGet))
                .satisfies((problem) -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
                });
            release.countDown();
        }
        assertThat(ran).hasValue(0);
        assertThat(turns.inTurn(1L, () -> "free again")).isEqualTo("free again");
    }

    /**
     * Takes the account's turn on another thread and keeps it until the answer is counted
     * down.
     */
    private static CountDownLatch holdTurn(AccountTurns turns, long actId, ExecutorService threads)
            throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        threads.submit(() -> turns.inTurn(actId, () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holding.await();
        return release;
    }

    private static AccountTurns turnsWaiting(Duration wait) {
        return new AccountTurns(
                new WithdrawalProperties(10, 200, Duration.ofSeconds(30), Duration.ofSeconds(10), wait));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
