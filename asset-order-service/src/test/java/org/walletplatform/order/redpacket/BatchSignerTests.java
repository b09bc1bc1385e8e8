package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.redpacket.token.TokenSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens of concurrent issuances signed together, and a lone issuance not kept waiting.
 */
class BatchSignerTests {

    private static final TokenSigner SIGNER = new TokenSigner("k1",
            Map.of("k1", new TokenSigner.Key("iJh/aS98ViyxF4ypYbq4wLtSPYqw5dW+oGG/0+qZKGA=", null)));

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final List<BatchSigner> started = new ArrayList<>();

    @AfterEach
    void stop() {
        this.started.forEach(BatchSigner::destroy);
    }

    @Test
    void shouldSignConcurrentTokensTogetherEachVerifyingAsItsOwn() throws Exception {
        BatchSigner batches = batchSigner(64, Duration.ofMillis(20));
        List<Callable<Boolean>> issuances = new ArrayList<>();
        for (int i = 0; i < 640; i++) {
            RedPacketToken token = token(i);
            issuances.add(() -> SIGNER.verify(batches.sign(token)).equals(token));
        }

        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Boolean> verified : requests.invokeAll(issuances)) {
                assertThat(verified.get()).isTrue();
            }
        }
        DistributionSummary sizes = this.meters.get("order.redpacket.signing.batch").summary();
        assertThat(sizes.totalAmount()).isEqualTo(640);
        assertThat(sizes.max()).isGreaterThan(1);
        assertThat(sizes.count()).isLessThan(640);
    }

    @Test
    void shouldNotKeepALoneIssuanceWaitingForOthers() {
        // a lone token waiting for the 30 s linger would not be signed within sign's 5 s
        BatchSigner batches = batchSigner(64, Duration.ofSeconds(30));
        for (int i = 0; i < 20; i++) {
            RedPacketToken token = token(i);
            assertThat(SIGNER.verify(batches.sign(token))).isEqualTo(token);
        }
        assertThat(this.meters.get("order.redpacket.signing.batch").summary().max()).isEqualTo(1);
    }

    @Test
    void shouldSignEachTokenAloneOnTheCallersThreadWithBatchesOfOne() {
        BatchSigner alone = batchSigner(1, Duration.ofMillis(1));
        RedPacketToken token = token(7);

        assertThat(alone.sign(token)).isEqualTo(SIGNER.sign(token));
    }

    @Test
    void shouldKeepATokenOfTheLargestBatchWithTheLongestFieldsWithinWhatIsStoredAndPresented() {
        String longest40 = "a".repeat(40);
        List<RedPacketToken> tokens = new ArrayList<>();
        for (int i = 0; i < BatchSigner.MAX_BATCH; i++) {
            long actId = Long.MAX_VALUE - i;
            tokens.add(new RedPacketToken("k1", "b".repeat(32), actId, longest40, longest40, Long.MAX_VALUE,
                    actId + "_" + longest40 + "_" + longest40 + "_voucher_" + Integer.MAX_VALUE, Long.MAX_VALUE,
                    longest40, RedPacketToken.CREATED));
        }

        List<String> signed = SIGNER.signAll(tokens);

        // reward_order.token is VARCHAR(2048), and a presented token may have 2,048
        // characters
        assertThat(signed).allSatisfy((token) -> assertThat(token).hasSizeLessThan(1_200));
        assertThat(SIGNER.verify(signed.getLast())).isEqualTo(tokens.getLast());
    }

    private BatchSigner batchSigner(int batch, Duration linger) {
        RedPacketProperties properties = new RedPacketProperties("k1", Map.of(), Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofSeconds(30), 16, batch, linger, 1, Duration.ofMillis(1));
        BatchSigner signer = new BatchSigner(SIGNER, properties, this.meters);
        this.started.add(signer);
        return signer;
    }

    private static RedPacketToken token(int i) {
        return new RedPacketToken("k1", "app-1", 1_000 + i, "gala", "gala-cash", 100 + i,
                (1_000 + i) + "_gala-cash_r1_cash_1", 1_790_000_000_000L, "r1", RedPacketToken.CREATED);
    }

}
