package org.walletplatform.order.redpacket;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.walletplatform.redpacket.token.RedPacketToken;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Red-packet tokens in Redis, from issuance until well after settlement. Per token, a
 * record {@code rp:tok:{rp:S}:orderNo} = {@code status|record} (its status moves only
 * forward: 1 created, 2 processing, 8 success); per account, a hash
 * {@code rp:acct:{rp:S}:actId} (S: the account's pending shard, {@link RedPacketKeys})
 * with the sum of its pending packets ({@code pending}), one field per pending packet
 * ({@code p:<orderNo>}), and a cache of its settled balance ({@code s}, income {@code i},
 * ledger version {@code v}); and each pending packet listed in the {@link PendingIndex}
 * by issue time. Every change is one Lua script, so the pending sum and the index always
 * equal the pending records. New packets are recorded by {@link IssuedPackets}.
 */
@Component
class PendingTokens {

    /** created → processing, for every token given (KEYS). */
    private static final RedisScript<Long> PROCESSING = RedisScript.of("""
            for i = 1, #KEYS do
              local record = redis.call('GET', KEYS[i])
              if record and string.sub(record, 1, 1) == '1' then
                redis.call('SET', KEYS[i], '2' .. string.sub(record, 2), 'KEEPTTL')
              end
            end
            return #KEYS
            """, Long.class);

    /**
     * → success, for packets of one account (KEYS: account, index, then one record per
     * packet; ARGV: settled figures, then order number and amount per packet): they leave
     * the pending sum and the index, and the settled balance cache takes the ledger's
     * figures if newer than its own, all in one step, so settled + pending never counts a
     * packet twice or not at all.
     */
    private static final RedisScript<Long> SETTLED = RedisScript.of("""
            local moved = 0
            for i = 3, #KEYS do
              local record = redis.call('GET', KEYS[i])
              if record and string.sub(record, 1, 1) ~= '8' then
                redis.call('SET', KEYS[i], '8' .. string.sub(record, 2), 'KEEPTTL')
                moved = moved + tonumber(ARGV[2 * (i - 2)])
              end
              redis.call('ZREM', KEYS[2], ARGV[2 * (i - 2) - 1])
              redis.call('HDEL', KEYS[1], 'p:' .. ARGV[2 * (i - 2) - 1])
            end
            if moved ~= 0 then redis.call('HINCRBY', KEYS[1], 'pending', -moved) end
            local n = 2 * (#KEYS - 2)
            if tonumber(ARGV[n + 3]) > tonumber(redis.call('HGET', KEYS[1], 'v') or '-1') then
              redis.call('HSET', KEYS[1], 's', ARGV[n + 1], 'i', ARGV[n + 2], 'v', ARGV[n + 3])
            end
            return moved
            """, Long.class);

    /** Caches settled figures unless newer ones are cached. */
    private static final RedisScript<Long> CACHE = RedisScript.of("""
            if tonumber(ARGV[3]) > tonumber(redis.call('HGET', KEYS[1], 'v') or '-1') then
              redis.call('HSET', KEYS[1], 's', ARGV[1], 'i', ARGV[2], 'v', ARGV[3])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;

    private final RedPacketKeys keys;

    PendingTokens(StringRedisTemplate redis, RedPacketKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Optional<TokenRecord> find(String orderNo) {
        return Optional.ofNullable(this.redis.opsForValue().get(this.keys.token(orderNo))).map(TokenRecord::decode);
    }

    /** One call, or on a Redis Cluster one per pending shard the packets fall in. */
    void markProcessing(List<String> orderNos) {
        orderNos.stream()
            .collect(Collectors.groupingBy((orderNo) -> this.keys.batchGroupOf(RedPacketKeys.actIdOf(orderNo)),
                    Collectors.mapping(this.keys::token, Collectors.toList())))
            .values()
            .forEach((tokens) -> this.redis.execute(PROCESSING, tokens));
    }

    /**
     * Marks booked packets success, one step per account with the account's figures after
     * them; every account in one pipelined round trip.
     * @return by actID, the amount that left the account's pending sum (packets that were
     * pending in Redis)
     */
    Map<Long, Long> markSettled(Map<Long, List<TokenRecord>> packetsByAccount, Map<Long, SettledAccount> accounts) {
        List<ScriptCall> calls = new ArrayList<>(packetsByAccount.size());
        packetsByAccount.forEach((actId, packets) -> {
            SettledAccount account = accounts.get(actId);
            List<String> callKeys = new ArrayList<>(packets.size() + 2);
            callKeys.add(this.keys.account(actId));
            callKeys.add(this.keys.pending(actId));
            List<String> args = new ArrayList<>(packets.size() * 2 + 3);
            for (TokenRecord packet : packets) {
                callKeys.add(this.keys.token(packet.orderNo()));
                args.add(packet.orderNo());
                args.add(Long.toString(packet.amountMinor()));
            }
            args.addAll(List.of(Long.toString(account.balanceMinor()), Long.toString(account.incomeMinor()),
                    Long.toString(account.version())));
            calls.add(new ScriptCall(callKeys, args));
        });
        List<Object> moved = ScriptCall.pipelined(this.redis, SETTLED, calls);
        Map<Long, Long> movedByAccount = new LinkedHashMap<>();
        int i = 0;
        for (Long actId : packetsByAccount.keySet()) {
            movedByAccount.put(actId, ((Number) moved.get(i++)).longValue());
        }
        return movedByAccount;
    }

    /** The records of the account's pending packets. */
    List<TokenRecord> pendingOf(long actId) {
        List<String> tokens = this.redis.opsForHash()
            .keys(this.keys.account(actId))
            .stream()
            .map(Object::toString)
            .filter((field) -> field.startsWith("p:"))
            .map((field) -> this.keys.token(field.substring(2)))
            .toList();
        if (tokens.isEmpty()) {
            return List.of();
        }
        return this.redis.opsForValue()
            .multiGet(tokens)
            .stream()
            .filter(java.util.Objects::nonNull)
            .map(TokenRecord::decode)
            .filter((record) -> record.status() != RedPacketToken.SUCCESS)
            .toList();
    }

    /**
     * The accounts' pending sums and counts, and their cached settled figures, in the
     * order given: one pipelined round trip.
     */
    List<CachedAccount> accounts(List<Long> actIds) {
        List<Object> entries = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
            actIds.forEach((actId) -> connection.hashCommands()
                .hGetAll(this.keys.account(actId).getBytes(StandardCharsets.UTF_8)));
            return null;
        });
        List<CachedAccount> accounts = new ArrayList<>(actIds.size());
        for (int i = 0; i < actIds.size(); i++) {
            accounts.add(cachedAccount(actIds.get(i), (Map<?, ?>) entries.get(i)));
        }
        return accounts;
    }

    /** The account's pending sum and count, and its cached settled figures. */
    CachedAccount account(long actId) {
        return cachedAccount(actId, this.redis.opsForHash().entries(this.keys.account(actId)));
    }

    private static CachedAccount cachedAccount(long actId, Map<?, ?> fields) {
        long pending = number(fields.get("pending"));
        long pendingCount = fields.keySet().stream().filter((field) -> field.toString().startsWith("p:")).count();
        SettledAccount settled = fields.containsKey("s")
                ? new SettledAccount(actId, number(fields.get("s")), number(fields.get("i")), number(fields.get("v")))
                : null;
        return new CachedAccount(pending, pendingCount, settled);
    }

    private static long number(Object field) {
        return (field != null) ? Long.parseLong(field.toString()) : 0;
    }

    /**
     * Caches settled figures, in one pipelined round trip, unless newer ones are cached.
     */
    void cache(Collection<SettledAccount> accounts) {
        ScriptCall.pipelined(this.redis, CACHE,
                accounts.stream()
                    .map((account) -> new ScriptCall(List.of(this.keys.account(account.actId())),
                            List.of(Long.toString(account.balanceMinor()), Long.toString(account.incomeMinor()),
                                    Long.toString(account.version()))))
                    .toList());
    }

    /** An account's pending sum and count, and its settled figures if cached. */
    record CachedAccount(long pendingMinor, long pendingCount, SettledAccount settled) {

    }

}
