package org.walletplatform.order.redpacket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.walletplatform.support.linesigning.DeferredNonce;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Records newly issued red packets as pending in Redis ({@link PendingTokens}' keys): the
 * token record, the account's pending sum and field, the index by issue time, and the
 * request's nonce, in one Lua call (on a Redis Cluster the nonce is claimed just before).
 * Concurrent issuances hand their packets to one thread that records them together, one
 * call per batch ({@link Batcher}): a batch is what arrived while the one before was in
 * Redis, up to {@code recordingBatch}. On a Redis Cluster, one call per pending shard of
 * the batch ({@link RedPacketKeys}).
 */
@Component
class IssuedPackets implements DisposableBean {

    /**
     * Per packet, in the order given (KEYS: its record, account and index, then its
     * request's nonce when ARGV's sixth is not 0; ARGV: six per packet): a new record,
     * counted as pending and indexed ({@code ''}); or the existing record; or {@code R}
     * if the nonce was used before, recording nothing.
     */
    private static final RedisScript<List> ISSUE = RedisScript.of("""
            local answers = {}
            local k = 0
            for p = 0, #ARGV / 6 - 1 do
              local a = p * 6
              local answer = ''
              if ARGV[a + 6] ~= '0' then
                if not redis.call('SET', KEYS[k + 4], '1', 'NX', 'EX', ARGV[a + 6]) then answer = 'R' end
              end
              if answer == '' then
                if redis.call('SET', KEYS[k + 1], '1|' .. ARGV[a + 1], 'NX', 'EX', ARGV[a + 2]) then
                  redis.call('HINCRBY', KEYS[k + 2], 'pending', ARGV[a + 3])
                  redis.call('HSET', KEYS[k + 2], 'p:' .. ARGV[a + 5], ARGV[a + 3])
                  redis.call('ZADD', KEYS[k + 3], ARGV[a + 4], ARGV[a + 5])
                else
                  answer = redis.call('GET', KEYS[k + 1])
                end
              end
              answers[p + 1] = answer
              k = k + ((ARGV[a + 6] ~= '0') and 4 or 3)
            end
            return answers
            """, List.class);

    private static final String REPLAYED = "R";

    private final StringRedisTemplate redis;

    private final RedPacketProperties properties;

    private final RedPacketKeys keys;

    private final Batcher<NewPacket, String> issues;

    IssuedPackets(StringRedisTemplate redis, RedPacketProperties properties, RedPacketKeys keys, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.keys = keys;
        this.issues = new Batcher<>("pending-recorder", Math.max(properties.recordingBatch(), 1),
                properties.recordingLinger(),
                DistributionSummary.builder("order.redpacket.recording.batch")
                    .description("Issued packets recorded in Redis in one script call")
                    .register(meters),
                this::issueAll);
    }

    /** Stops the recording thread once the web server has drained its requests. */
    @Override
    public void destroy() {
        this.issues.close();
    }

    /**
     * Records a newly issued packet as pending; if the order number has a record already,
     * records nothing and returns it.
     */
    Optional<TokenRecord> issue(TokenRecord record, long issuedAtMs) {
        return issue(record, issuedAtMs, null);
    }

    /**
     * Records a newly issued packet as pending, claiming the request's nonce in the same
     * step; if the order number has a record already, records nothing and returns it. A
     * nonce used before records nothing and refuses the request (401 request-replayed).
     * The packets of concurrent requests are recorded together, in one script call.
     */
    Optional<TokenRecord> issue(TokenRecord record, long issuedAtMs, DeferredNonce nonce) {
        String answer = this.issues.submit(new NewPacket(record, issuedAtMs, nonce));
        if (nonce != null) {
            nonce.claimed(!REPLAYED.equals(answer));
        }
        return answer.isEmpty() ? Optional.empty() : Optional.of(TokenRecord.decode(answer));
    }

    private List<String> issueAll(List<NewPacket> packets) {
        if (!this.keys.cluster()) {
            ScriptCall call = callOf(packets);
            List<?> answers = this.redis.execute(ISSUE, call.keys(), call.args().toArray());
            return answers.stream().map(Object::toString).toList();
        }
        // a Cluster runs a script on keys of one slot: the nonces, each in a slot of its
        // own, are claimed first, then each pending shard's packets go in a call of their
        // own, all in two round trips (a packet whose issuance then fails has spent its
        // nonce: the line signs its retry anew)
        String[] answers = new String[packets.size()];
        claimNonces(packets, answers);
        Map<Integer, List<Integer>> byShard = new LinkedHashMap<>();
        for (int i = 0; i < packets.size(); i++) {
            if (answers[i] == null) {
                byShard.computeIfAbsent(this.keys.shardOf(packets.get(i).record().actId()), (s) -> new ArrayList<>())
                    .add(i);
            }
        }
        List<List<Integer>> shards = List.copyOf(byShard.values());
        List<Object> recorded = ScriptCall.pipelined(this.redis, ISSUE,
                shards.stream()
                    .map((shard) -> callOf(shard.stream().map((i) -> packets.get(i).withoutNonce()).toList()))
                    .toList());
        for (int g = 0; g < shards.size(); g++) {
            List<?> shardAnswers = (List<?>) recorded.get(g);
            for (int j = 0; j < shards.get(g).size(); j++) {
                answers[shards.get(g).get(j)] = shardAnswers.get(j).toString();
            }
        }
        return List.of(answers);
    }

    /**
     * Claims the signed packets' nonces in one pipelined round trip, answering {@code R}
     * for each packet whose nonce was used before.
     */
    private void claimNonces(List<NewPacket> packets, String[] answers) {
        List<Integer> signed = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            if (packets.get(i).nonce() != null) {
                signed.add(i);
            }
        }
        if (signed.isEmpty()) {
            return;
        }
        List<Object> claimed = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
            for (int i : signed) {
                DeferredNonce nonce = packets.get(i).nonce();
                connection.stringCommands()
                    .set(bytes(nonce.key()), bytes("1"), Expiration.seconds(nonce.ttlSeconds()), SetOption.ifAbsent());
            }
            return null;
        });
        for (int n = 0; n < signed.size(); n++) {
            if (!Boolean.TRUE.equals(claimed.get(n))) {
                answers[signed.get(n)] = REPLAYED;
            }
        }
    }

    /**
     * The issuance script's keys and arguments for these packets, in order (their nonces
     * among the keys, where they have one).
     */
    private ScriptCall callOf(List<NewPacket> packets) {
        List<String> callKeys = new ArrayList<>(packets.size() * 4);
        List<String> args = new ArrayList<>(packets.size() * 6);
        String ttl = Long.toString(this.properties.tokenTtl().toSeconds());
        for (NewPacket packet : packets) {
            TokenRecord record = packet.record();
            callKeys.addAll(List.of(this.keys.token(record.orderNo()), this.keys.account(record.actId()),
                    this.keys.pending(record.actId())));
            if (packet.nonce() != null) {
                callKeys.add(packet.nonce().key());
            }
            args.addAll(List.of(record.encode(), ttl, Long.toString(record.amountMinor()),
                    Long.toString(packet.issuedAtMs()), record.orderNo(),
                    (packet.nonce() != null) ? Long.toString(packet.nonce().ttlSeconds()) : "0"));
        }
        return new ScriptCall(callKeys, args);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record NewPacket(TokenRecord record, long issuedAtMs, DeferredNonce nonce) {

        NewPacket withoutNonce() {
            return new NewPacket(this.record, this.issuedAtMs, null);
        }

    }

}
