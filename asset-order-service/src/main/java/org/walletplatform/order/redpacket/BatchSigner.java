package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * and wait. While packets arrive alone, each is signed at once; once a batch held more
 * than one, the next batch is collected for up to {@code signingLinger} (or until
 * {@code signingBatch} tokens), so batches grow with the load and a quiet service adds no
 * wait.
 */
@Component
class BatchSigner implements DisposableBean {

    /**
     * A token of the largest batch with the longest fields stays under 1,200 characters.
     */
    static final int MAX_BATCH = 1_024;

    private final TokenSigner signer;

    private final int maxBatch;

    private final long lingerNanos;

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

    private final DistributionSummary batchSizes;

    private final Thread thread;

    BatchSigner(TokenSigner signer, RedPacketProperties properties, MeterRegistry meters) {
        this.signer = signer;
        this.maxBatch = Math.clamp(properties.signingBatch(), 1, MAX_BATCH);
        this.lingerNanos = properties.signingLinger().toNanos();
        this.batchSizes = DistributionSummary.builder("order.redpacket.signing.batch")
            .description("Tokens signed under one signature")
            .register(meters);
        this.thread = (this.maxBatch > 1) ? Thread.ofVirtual().name("token-signer").start(this::signBatches) : null;
    }

    String signingKeyId() {
        return this.signer.signingKeyId();
    }

    /** The signed token for {@code token}, signed with the tokens of other requests. */
    String sign(RedPacketToken token) {
        if (this.thread == null) {
            this.batchSizes.record(1);
            return this.signer.sign(token);
        }
        Waiting waiting = new Waiting(token, new CompletableFuture<>());
        this.queue.add(waiting);
        try {
            return waiting.signed().get(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the token was signed", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("The token was not signed", ex);
        }
    }

    private void signBatches() {
        boolean linger = false;
        List<Waiting> batch = new ArrayList<>(this.maxBatch);
        try {
            while (true) {
                batch.add(this.queue.take());
                this.queue.drainTo(batch, this.maxBatch - batch.size());
                long until = System.nanoTime() + this.lingerNanos;
                while (linger && batch.size() < this.maxBatch) {
                    Waiting next = this.queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    this.queue.drainTo(batch, this.maxBatch - batch.size());
                }
                signAll(batch);
                linger = batch.size() > 1;
                batch.clear();
            }
        }
        catch (InterruptedException ex) {
            batch.addAll(this.queue);
            batch.forEach((waiting) -> waiting.signed().completeExceptionally(ex));
        }
    }

    private void signAll(List<Waiting> batch) {
        try {
            List<String> signed = this.signer.signAll(batch.stream().map(Waiting::token).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).signed().complete(signed.get(i));
            }
            this.batchSizes.record(batch.size());
        }
        catch (RuntimeException ex) {
            batch.forEach((waiting) -> waiting.signed().completeExceptionally(ex));
        }
    }

    /** Stops the signing thread once the web server has drained its requests. */
    @Override
    public void destroy() {
        if (this.thread != null) {
            this.thread.interrupt();
        }
    }

    private record Waiting(RedPacketToken token, CompletableFuture<String> signed) {

    }

}
