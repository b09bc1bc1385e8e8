package org.walletplatform.order.redpacket;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.redpacket.token.RedPacketToken;
import org.walletplatform.redpacket.token.TokenSigner;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Signs issued packets' tokens in batches under one signature
 * ({@link TokenSigner#signAll}): the Ed25519 signature was a quarter of the order
 * service's CPU per packet at peak. The requests hand their tokens to one signing thread
 * and wait ({@link Batcher}): batches grow with the load, up to {@code signingBatch}
 * tokens collected for up to {@code signingLinger}, and a quiet service adds no wait.
 */
@Component
class BatchSigner implements DisposableBean {

    /**
     * A token of the largest batch with the longest fields stays under 1,200 characters.
     */
    static final int MAX_BATCH = 1_024;

    private final TokenSigner signer;

    private final Batcher<RedPacketToken, String> batches;

    BatchSigner(TokenSigner signer, RedPacketProperties properties, MeterRegistry meters) {
        this.signer = signer;
        this.batches = new Batcher<>("token-signer", Math.clamp(properties.signingBatch(), 1, MAX_BATCH),
                properties.signingLinger(),
                DistributionSummary.builder("order.redpacket.signing.batch")
                    .description("Tokens signed under one signature")
                    .register(meters),
                signer::signAll);
    }

    String signingKeyId() {
        return this.signer.signingKeyId();
    }

    /** The signed token for {@code token}, signed with the tokens of other requests. */
    String sign(RedPacketToken token) {
        return this.batches.submit(token);
    }

    /** Stops the signing thread once the web server has drained its requests. */
    @Override
    public void destroy() {
        this.batches.close();
    }

}
