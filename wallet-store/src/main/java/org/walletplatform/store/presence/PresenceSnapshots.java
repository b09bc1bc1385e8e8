package org.walletplatform.store.presence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.walletplatform.presence.PresenceSet;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The persisted presence set: one Redis hash ({@code wallet:presence:snapshot}) holding
 * the set's bytes, the journal position it holds every entry up to, and when the full
 * scan of MySQL it rests on was made ({@code built-at}; advancing the set along the
 * journal keeps it), written in one command so the three always belong together. Bytes
 * come back unchecked: the reader runs them through {@code PresenceSetFormat.read}, which
 * validates them.
 */
@Component
public class PresenceSnapshots {

    static final String KEY = "wallet:presence:snapshot";

    private static final byte[] KEY_BYTES = KEY.getBytes(StandardCharsets.UTF_8);

    private static final byte[] SET = bytes("set");

    private static final byte[] POSITION = bytes("position");

    private static final byte[] BUILT_AT = bytes("built-at");

    private static final byte[] ADVANCE = bytes("""
            if redis.call('HGET', KEYS[1], 'built-at') ~= ARGV[3] then return 0 end
            redis.call('HSET', KEYS[1], 'set', ARGV[1], 'position', ARGV[2])
            return 1
            """);

    private final StringRedisTemplate redis;

    public PresenceSnapshots(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * Stores {@code set}, which holds every change up to journal position
     * {@code position}.
     */
    public void save(PresenceSet set, String position, Instant builtAt) {
        this.redis.execute((RedisCallback<Void>) (connection) -> {
            connection.hashCommands()
                .hMSet(KEY_BYTES, Map.of(SET, set.toBytes(), POSITION, bytes(position), BUILT_AT,
                        bytes(Long.toString(builtAt.toEpochMilli()))));
            return null;
        });
    }

    /**
     * Replaces the stored set and position, keeping its build time, unless a newer
     * snapshot was stored meanwhile (its {@code built-at} is no longer {@code builtAt}).
     * @return whether it was replaced
     */
    public boolean advance(PresenceSet set, String position, Instant builtAt) {
        Long replaced = this.redis.execute((RedisCallback<Long>) (connection) -> connection.scriptingCommands()
            .eval(ADVANCE, ReturnType.INTEGER, 1, KEY_BYTES, set.toBytes(), bytes(position),
                    bytes(Long.toString(builtAt.toEpochMilli()))));
        return replaced != null && replaced == 1;
    }

    /** When the stored snapshot was built, or empty if there is none yet. */
    public Optional<Instant> builtAt() {
        Object builtAt = this.redis.opsForHash().get(KEY, "built-at");
        return Optional.ofNullable(builtAt).map((b) -> Instant.ofEpochMilli(Long.parseLong(b.toString())));
    }

    /**
     * The stored snapshot's position and build time without its bytes (178 MiB at Baidu's
     * scale); empty if there is none yet.
     */
    public Optional<Mark> mark() {
        List<byte[]> fields = this.redis.execute((RedisCallback<List<byte[]>>) (connection) -> connection.hashCommands()
            .hMGet(KEY_BYTES, POSITION, BUILT_AT));
        if (fields == null || fields.get(0) == null || fields.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(new Mark(new String(fields.get(0), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(Long.parseLong(new String(fields.get(1), StandardCharsets.UTF_8)))));
    }

    /** The stored snapshot, its bytes not yet validated; empty if there is none yet. */
    public Optional<Stored> load() {
        List<byte[]> fields = this.redis.execute((RedisCallback<List<byte[]>>) (connection) -> connection.hashCommands()
            .hMGet(KEY_BYTES, SET, POSITION, BUILT_AT));
        if (fields == null || fields.get(0) == null || fields.get(1) == null || fields.get(2) == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(fields.get(0), new String(fields.get(1), StandardCharsets.UTF_8),
                Instant.ofEpochMilli(Long.parseLong(new String(fields.get(2), StandardCharsets.UTF_8)))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A snapshot as stored: {@code bytes} hold every journal entry up to
     * {@code position}.
     */
    public record Stored(byte[] bytes, String position, Instant builtAt) {

    }

    /** Where a stored snapshot stands: the journal position it holds, its scan's time. */
    public record Mark(String position, Instant builtAt) {

    }

}
