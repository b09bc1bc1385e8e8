package org.walletplatform.order.redpacket;

import java.time.Duration;
import java.util.Map;

import org.walletplatform.redpacket.token.TokenSigner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cash red packets: the token signing keys and how pending tokens are kept.
 *
 * @param signingKeyId the key new tokens are signed with (its private key must be set)
 * @param keys Ed25519 keys by key id. A key with a {@code privateKey} (32-byte seed,
 * base64) can sign; a retired key keeps only its {@code publicKey} (32 bytes, base64) so
 * the tokens it signed still verify. Rotation: add the new key, switch
 * {@code signingKeyId}, later drop the old private key.
 * @param tokenTtl how long Redis keeps a token's record (its idempotency and replay
 * answer); settlement normally takes seconds
 * @param tokenValidFor a client may present a token this long after its issue
 * @param republishAfter a token still pending this long after issuance is published for
 * settlement again (its first publication may have been lost)
 * @param pendingShards the pending-token index is split into this many Redis keys (and,
 * on a Redis Cluster, the red packets over this many slots: {@link RedPacketKeys}), so no
 * one key takes every issuance
 * @param signingBatch the most tokens signed under one signature (1: each signed alone;
 * at most 1,024, so a token stays well within the 2,048 characters a presented one may
 * have)
 * @param signingLinger under load, how long a batch collects tokens before it is signed
 * @param recordingBatch the most issued packets recorded in Redis in one script call (1:
 * each alone)
 * @param recordingLinger under load, how long a batch collects packets before they are
 * recorded (0: only those that arrived while the batch before was in Redis)
 */
@ConfigurationProperties("order.redpacket")
public record RedPacketProperties(String signingKeyId, Map<String, TokenSigner.Key> keys,
        @DefaultValue("7d") Duration tokenTtl, @DefaultValue("30d") Duration tokenValidFor,
        @DefaultValue("30s") Duration republishAfter, @DefaultValue("16") int pendingShards,
        @DefaultValue("64") int signingBatch, @DefaultValue("1ms") Duration signingLinger,
        @DefaultValue("64") int recordingBatch, @DefaultValue("0ms") Duration recordingLinger) {

}
