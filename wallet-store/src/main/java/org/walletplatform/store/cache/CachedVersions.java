package org.walletplatform.store.cache;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.walletplatform.model.RedisKeys;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What reconciliation needs of the {@link WalletCache}: each cached wallet's line
 * versions, every cached user, and dropping a wallet that drifted from MySQL. Dropping is
 * the repair because it is always safe: the next read or merge fills the wallet again
 * from MySQL as a whole.
 */
@Component
public class CachedVersions {

    /**
     * One wallet's line versions, flat: -1 when not cached, else the number of lines,
     * then each line and its version.
     */
    private static final RedisScript<List> VERSIONS = RedisScript.of("""
            local fields = redis.call('HKEYS', KEYS[1])
            if #fields == 0 then return {'-1'} end
            local lines = {}
            for _, field in ipairs(fields) do
              if string.sub(field, 1, 2) == 'v:' then lines[#lines + 1] = field end
            end
            local out = {tostring(#lines)}
            if #lines > 0 then
              local versions = redis.call('HMGET', KEYS[1], unpack(lines))
              for j = 1, #lines do
                out[#out + 1] = string.sub(lines[j], 3)
                out[#out + 1] = versions[j]
              end
            end
            return out
            """, List.class);

    private final StringRedisTemplate redis;

    private final ScriptPipeline versions;

    public CachedVersions(StringRedisTemplate redis) {
        this.redis = redis;
        this.versions = new ScriptPipeline(redis, VERSIONS, ReturnType.MULTI);
    }

    /**
     * Each user's cached line versions, or empty when the user's wallet is not cached.
     */
    public Map<Long, Optional<Map<String, Long>>> of(Collection<Long> users) {
        List<Long> ordered = new ArrayList<>(users);
        List<Object> answers = this.versions
            .run(ordered.stream().map((user) -> new byte[][] { RedisKeys.wallet(user).getBytes() }).toList());
        Map<Long, Optional<Map<String, Long>>> versions = new LinkedHashMap<>();
        for (int u = 0; u < ordered.size(); u++) {
            List<?> flat = (List<?>) answers.get(u);
            int lines = Integer.parseInt(flat.get(0).toString());
            if (lines < 0) {
                versions.put(ordered.get(u), Optional.empty());
                continue;
            }
            Map<String, Long> byLine = new HashMap<>();
            for (int i = 0; i < lines; i++) {
                byLine.put(flat.get(1 + 2 * i).toString(), Long.parseLong(flat.get(2 + 2 * i).toString()));
            }
            versions.put(ordered.get(u), Optional.of(byLine));
        }
        return versions;
    }

    /**
     * Hands every cached user to {@code batch}, {@code size} at a time (a SCAN; Lettuce
     * walks every master of a Redis Cluster).
     */
    public void forEachCachedUser(int size, Consumer<List<Long>> batch) {
        List<Long> users = new ArrayList<>(size);
        ScanOptions keys = ScanOptions.scanOptions().match(RedisKeys.walletPattern()).count(size).build();
        try (Cursor<String> cursor = this.redis.scan(keys)) {
            while (cursor.hasNext()) {
                String key = cursor.next();
                try {
                    users.add(RedisKeys.walletUser(key));
                }
                catch (NumberFormatException ex) {
                    continue;
                }
                if (users.size() == size) {
                    batch.accept(users);
                    users = new ArrayList<>(size);
                }
            }
        }
        if (!users.isEmpty()) {
            batch.accept(users);
        }
    }

    public void drop(Collection<Long> users) {
        if (!users.isEmpty()) {
            this.redis.unlink(users.stream().map(RedisKeys::wallet).toList());
        }
    }

}
