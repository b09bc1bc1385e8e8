package org.walletplatform.store.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.walletplatform.model.RedisKeys;
import org.walletplatform.model.wallet.LineAssets;
import org.walletplatform.store.WalletStoreProperties;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Layer 2 of the read cache: each user's wallet as one Redis hash,
 * {@code wallet:v4:{userId}}, holding per business line its snapshot version
 * ({@code v:line}), its assets ({@code d:line}) and whether it holds any
 * ({@code h:line}), a marker field {@code _} that says the hash is a whole wallet,
 * {@code n}, how many lines hold assets (a user is present in the presence set when it is
 * above zero), and {@code j}, every line rendered as one JSON array once a read asked for
 * it since the last change.
 *
 * <p>
 * Every write is a per-line merge guarded by version (a Lua script, so atomic): a line
 * changes only to a higher version. Merges therefore commute, and no ordering of the sync
 * worker and the read service can put back an older line. Only a writer that read the
 * user's whole wallet from MySQL may <em>create</em> the hash; the sync worker, which
 * knows only the lines it just stored, merges into an existing hash and otherwise reports
 * the user as not cached, so a partial wallet is never served.
 */
@Component
public class WalletCache {

    // n counts the lines holding assets, moved by each changed line's difference, so
    // presence needs no scan of the hash; j, the rendering, is dropped and made again
    // by the first read (most merges are never read before the next one). One HMGET
    // reads the marker, n and every line's version and holding, and one HSET writes all
    // that changed: a call per line and field made the merge twice as many calls. So a
    // line may come at most once per merge, which holds: a batch stores one snapshot per
    // user and line, and MySQL holds one row per user and line
    private static final String MERGE_LUA = """
            local wanted = {'_', 'n'}
            for i = 3, #ARGV, 4 do
              wanted[#wanted + 1] = 'v:' .. ARGV[i]
              wanted[#wanted + 1] = 'h:' .. ARGV[i]
            end
            local current = redis.call('HMGET', KEYS[1], unpack(wanted))
            local exists = current[1]
            if not exists and ARGV[1] ~= 'create' then return 0 end
            local n = tonumber(current[2]) or 0
            local set = {}
            if not exists then set = {'_', '1'} end
            local changed = false
            for i = 3, #ARGV, 4 do
              local at = 3 + (i - 3) / 2
              if not current[at] or tonumber(ARGV[i + 1]) > tonumber(current[at]) then
                local line = ARGV[i]
                set[#set + 1] = 'v:' .. line
                set[#set + 1] = ARGV[i + 1]
                set[#set + 1] = 'h:' .. line
                set[#set + 1] = ARGV[i + 2]
                set[#set + 1] = 'd:' .. line
                set[#set + 1] = ARGV[i + 3]
                n = n + tonumber(ARGV[i + 2]) - (tonumber(current[at + 1]) or 0)
                changed = true
              end
            end
            if changed or not exists then
              set[#set + 1] = 'n'
              set[#set + 1] = tostring(n)
              redis.call('HSET', KEYS[1], unpack(set))
            end
            if changed and exists then redis.call('HDEL', KEYS[1], 'j') end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            if n > 0 then return 2 end
            return 1
            """;

    private static final String RENDER_LUA = """
            local rendered = redis.call('HGET', KEYS[1], 'j')
            if rendered then return rendered end
            if redis.call('EXISTS', KEYS[1]) == 0 then return false end
            local fields = redis.call('HGETALL', KEYS[1])
            local lines = {}
            for i = 1, #fields, 2 do
              if string.sub(fields[i], 1, 2) == 'd:' then table.insert(lines, {fields[i], fields[i + 1]}) end
            end
            table.sort(lines, function(a, b) return a[1] < b[1] end)
            local parts = {}
            for i, line in ipairs(lines) do parts[i] = line[2] end
            rendered = '[' .. table.concat(parts, ',') .. ']'
            redis.call('HSET', KEYS[1], 'j', rendered)
            return rendered
            """;

    private static final RedisScript<String> RENDER = RedisScript.of(RENDER_LUA, String.class);

    private static final long NOT_CACHED = 0;

    private static final long HOLDING = 2;

    private static final TypeReference<List<LineAssets>> LINES = new TypeReference<>() {
    };

    private static final RedisScript<Long> MERGE = RedisScript.of(MERGE_LUA, Long.class);

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final Duration ttl;

    private final ScriptPipeline merges;

    public WalletCache(StringRedisTemplate redis, JsonMapper json, WalletStoreProperties properties) {
        this.redis = redis;
        this.json = json;
        this.ttl = properties.cacheTtl();
        this.merges = new ScriptPipeline(redis, MERGE, ReturnType.INTEGER);
    }

    public static String key(long userId) {
        return RedisKeys.wallet(userId);
    }

    /**
     * The user's cached wallet, lines sorted by business line; empty if the user is not
     * cached.
     */
    public Optional<List<LineAssets>> get(long userId) {
        return getRenderedLines(userId).map((rendered) -> this.json.readValue(rendered, LINES));
    }

    /**
     * The user's cached lines as one JSON array (field {@code j}), sorted by business
     * line, exactly as {@link #get} would parse them: a read that only passes the wallet
     * on need not parse and render it again. The first read after a merge renders it in
     * Redis; every later one is a single {@code HGET}. Empty if the user is not cached.
     */
    public Optional<String> getRenderedLines(long userId) {
        Object rendered = this.redis.opsForHash().get(key(userId), "j");
        if (rendered != null) {
            return Optional.of(rendered.toString());
        }
        // changed since the last read, or not cached at all: the script renders or says
        // so
        return Optional.ofNullable(this.redis.execute(RENDER, List.of(key(userId))));
    }

    /**
     * Merges freshly stored lines into the wallets already cached, in one pipelined round
     * trip.
     * @return the users that are not cached (their whole wallet must be read and
     * {@link #fill filled}) and, of the cached ones, those whose wallet now holds assets
     */
    public Merged mergeIntoCached(Map<Long, List<LineAssets>> changedLines) {
        return merge(changedLines, "update");
    }

    /**
     * Caches whole wallets read from MySQL, merging line by line with whatever is cached
     * already, in one pipelined round trip.
     * @return the users whose wallet, as cached now, holds assets
     */
    public Set<Long> fill(Map<Long, List<LineAssets>> wallets) {
        return merge(wallets, "create").holding();
    }

    private Merged merge(Map<Long, List<LineAssets>> lines, String mode) {
        List<Long> users = List.copyOf(lines.keySet());
        // merges are version-guarded: one run again (Redis lost its scripts) changes
        // nothing
        List<Object> results = this.merges
            .run(users.stream().map((userId) -> args(userId, mode, lines.get(userId))).toList());
        Set<Long> notCached = new TreeSet<>();
        Set<Long> holding = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            long outcome = ((Number) results.get(i)).longValue();
            if (outcome == NOT_CACHED) {
                notCached.add(users.get(i));
            }
            else if (outcome == HOLDING) {
                holding.add(users.get(i));
            }
        }
        return new Merged(notCached, holding);
    }

    public void fill(long userId, List<LineAssets> lines) {
        this.redis.execute(MERGE, List.of(key(userId)), (Object[]) stringArgs("create", lines));
    }

    private byte[][] args(long userId, String mode, List<LineAssets> lines) {
        String[] strings = stringArgs(mode, lines);
        byte[][] args = new byte[strings.length + 1][];
        args[0] = key(userId).getBytes();
        for (int i = 0; i < strings.length; i++) {
            args[i + 1] = strings[i].getBytes(StandardCharsets.UTF_8);
        }
        return args;
    }

    private String[] stringArgs(String mode, List<LineAssets> lines) {
        String[] args = new String[2 + lines.size() * 4];
        args[0] = mode;
        args[1] = Long.toString(this.ttl.toMillis());
        int i = 2;
        for (LineAssets line : lines) {
            args[i++] = line.businessLine();
            args[i++] = Long.toString(line.version());
            args[i++] = line.holdsAssets() ? "1" : "0";
            args[i++] = this.json.writeValueAsString(line);
        }
        return args;
    }

    /**
     * What a merge found: users not cached, and the cached users whose merged wallet
     * holds assets in some line.
     */
    public record Merged(Set<Long> notCached, Set<Long> holding) {
    }

}
