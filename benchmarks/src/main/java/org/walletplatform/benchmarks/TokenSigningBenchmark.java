package org.walletplatform.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.redpacket.token.TokenSigner;

/**
 * The cost of one red-packet token, as the order center pays it: building the payload,
 * the Ed25519 signature (BouncyCastle) and the base64 of both ({@code sign}); decoding,
 * parsing and checking the signature of a presented token ({@code verify}); and the same
 * for tokens signed together under one signature of their Merkle root ({@code signBatch},
 * whose score is for the whole batch; {@code verifyFromBatch}).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenSigningBenchmark {

    private TokenSigner signer;

    private RedPacketToken token;

    private String signed;

    @Setup
    public void keys() {
        this.signer = signer();
        this.token = token(0);
        this.signed = this.signer.sign(this.token);
    }

    static TokenSigner signer() {
        return new TokenSigner("k1",
                Map.of("k1", new TokenSigner.Key("iJh/aS98ViyxF4ypYbq4wLtSPYqw5dW+oGG/0+qZKGA=", null)));
    }

    static RedPacketToken token(int i) {
        return new RedPacketToken("k1", "app-1", 20000000042L + i, "gala", "gala-cash", 888,
                (20000000042L + i) + "_gala-cash_rain-7_cash_1", 1_790_000_000_000L, "rain-7", RedPacketToken.CREATED);
    }

    @Benchmark
    public String sign() {
        return this.signer.sign(this.token);
    }

    @Benchmark
    public RedPacketToken verify() {
        return this.signer.verify(this.signed);
    }

    /**
     * Signing {@code size} tokens under one signature: the time per token is the score /
     * size.
     */
    @Benchmark
    public List<String> signBatch(Batch batch) {
        return batch.signer.signAll(batch.tokens);
    }

    @Benchmark
    public RedPacketToken verifyFromBatch(Batch batch) {
        return batch.signer.verify(batch.signed);
    }

    /** A batch of tokens, and one of them signed in it. */
    @State(Scope.Benchmark)
    public static class Batch {

        @Param({ "8", "32" })
        public int size;

        private TokenSigner signer;

        private List<RedPacketToken> tokens;

        private String signed;

        @Setup
        public void tokens() {
            this.signer = signer();
            this.tokens = IntStream.range(0, this.size).mapToObj(TokenSigningBenchmark::token).toList();
            this.signed = this.signer.signAll(this.tokens).getFirst();
        }

    }

}
