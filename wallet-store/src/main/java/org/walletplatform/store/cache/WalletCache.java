package org.walletplatform.store.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.WalletStoreProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.stereotype.Component;

/**
 * Layer 2 of the read cache: each user's whole wallet as one Redis value, so a read is one GET and a user's lines
 * are always cached together (never a partial wallet). The sync worker overwrites after each database write; the
 * read service only fills a missing entry ({@code SET NX}), so a refill racing with a sync can never put back an
 * older wallet.
 */
@Component
public class WalletCache {

    static final String KEY_PREFIX = "wallet:v1:";

    private static final TypeReference<List<LineAssets>> LINES = new TypeReference<>() {
    };

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Duration ttl;

    public WalletCache(StringRedisTemplate redis, JsonMapper json, WalletStoreProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.cacheTtl();
    }

    public static String key(long userId) {
        return KEY_PREFIX + userId;
    }

    public Optional<List<LineAssets>> get(long userId) {
        String value = this.redis.opsForValue().get(key(userId));
        return Optional.ofNullable(value).map((v) -> this.json.readValue(v, LINES));
    }

    /** Replaces the cached wallets of these users in one pipelined round trip. */
    public void putAll(Map<Long, List<LineAssets>> wallets) {
        Expiration expiration = Expiration.from(this.ttl);
        this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
            wallets.forEach((userId, lines) -> connection.stringCommands()
                .set(key(userId).getBytes(), this.json.writeValueAsBytes(lines), expiration, SetOption.upsert()));
            return null;
        });
    }

    /** Fills the cache for a user only if no entry exists. */
    public void putIfAbsent(long userId, List<LineAssets> lines) {
        this.redis.opsForValue().setIfAbsent(key(userId), this.json.writeValueAsString(lines), this.ttl);
    }

}
