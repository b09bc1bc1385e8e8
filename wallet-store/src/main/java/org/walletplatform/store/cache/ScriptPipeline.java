package org.walletplatform.store.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One Lua script run many times, each call on one user's key, in one pipelined round trip
 * by the script's SHA ({@code EVALSHA}): sending a 1 KB script with every call
 * ({@code EVAL}) made Redis hash it anew each time. A call per key, not one call over
 * many keys, since a Redis Cluster runs a script only on keys of one slot. A Redis that
 * lost its scripts (a restart) gets the script loaded (on every node of a Cluster) and
 * the calls sent again, so every script run through here must be safe to run twice.
 */
final class ScriptPipeline {

    private final StringRedisTemplate redis;

    private final byte[] body;

    private final byte[] sha;

    private final ReturnType type;

    ScriptPipeline(StringRedisTemplate redis, RedisScript<?> script, ReturnType type) {
        this.redis = redis;
        this.body = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
        this.sha = script.getSha1().getBytes(StandardCharsets.US_ASCII);
        this.type = type;
    }

    /**
     * @param calls per call, its key and then its arguments
     * @return per call, its answer
     */
    List<Object> run(List<byte[][]> calls) {
        try {
            return send(calls);
        }
        catch (DataAccessException ex) {
            if (!scriptMissing(ex)) {
                throw ex;
            }
            this.redis
                .execute((RedisCallback<String>) (connection) -> connection.scriptingCommands().scriptLoad(this.body));
            return send(calls);
        }
    }

    private List<Object> send(List<byte[][]> calls) {
        return this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
            for (byte[][] keyAndArgs : calls) {
                connection.scriptingCommands().evalSha(this.sha, this.type, 1, keyAndArgs);
            }
            return null;
        });
    }

    private static boolean scriptMissing(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

}
