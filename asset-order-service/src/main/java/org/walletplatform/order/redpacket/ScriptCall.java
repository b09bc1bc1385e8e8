package org.walletplatform.order.redpacket;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One call of a Lua script: the keys it touches and its arguments. Calls whose keys lie
 * in different slots of a Redis Cluster cannot be one call, so they go
 * {@link #pipelined}.
 */
record ScriptCall(List<String> keys, List<String> args) {

    /**
     * Each call as one {@code EVAL}, all in one pipelined round trip; their answers in
     * order, typed as the script's result. EVAL rather than EVALSHA: a pipeline cannot
     * load a script that Redis lost (a restart) halfway, and these scripts are small.
     */
    static List<Object> pipelined(StringRedisTemplate redis, RedisScript<?> script, List<ScriptCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        byte[] body = bytes(script.getScriptAsString());
        ReturnType type = ReturnType.fromJavaType(script.getResultType());
        return redis.executePipelined((RedisCallback<Object>) (connection) -> {
            for (ScriptCall call : calls) {
                byte[][] keysAndArgs = new byte[call.keys().size() + call.args().size()][];
                int i = 0;
                for (String key : call.keys()) {
                    keysAndArgs[i++] = bytes(key);
                }
                for (String arg : call.args()) {
                    keysAndArgs[i++] = bytes(arg);
                }
                connection.scriptingCommands().eval(body, type, call.keys().size(), keysAndArgs);
            }
            return null;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
