package org.walletplatform.loadtest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured path: the simulator changes every (user, line) and pushes the
 * notifications to the intake; the clock stops when every user's cached wallet in Redis
 * shows each line at the simulator's final version. Until the worker has stored as many
 * snapshots as there are (user, line) pairs only its counter is watched, then every
 * cached wallet is checked. MySQL is then checked row by row (Redis is written after
 * MySQL in each batch).
 */
final class EndToEndRun implements AutoCloseable {

    private final Http http;

    private final String simulator;

    private final RedisClient redisClient;

    /** Opened once, before any round's clock starts. */
    private final StatefulRedisConnection<String, String> redis;

    private final String jdbcBase;

    private final SyncMetricsScrape metrics;

    private final JsonMapper json = JsonMapper.builder().build();

    EndToEndRun(Http http, String simulator, String redisUri, String jdbcBase, SyncMetricsScrape metrics) {
        this.http = http;
        this.simulator = simulator;
        this.redisClient = RedisClient.create(redisUri);
        this.redis = this.redisClient.connect();
        this.jdbcBase = jdbcBase;
        this.metrics = metrics;
    }

    Result run(long firstUser, int users, List<String> lines, int changesPerUser) throws Exception {
        double storedBefore = this.metrics.snapshotsStored();
        long start = System.nanoTime();
        String run = this.http.post(this.simulator + "/sim/changes",
                "{\"firstUserId\":" + firstUser + ",\"userCount\":" + users + ",\"lines\":"
                        + this.json.writeValueAsString(lines) + ",\"changesPerUser\":" + changesPerUser
                        + ",\"ratePerSecond\":10000000,\"batchSize\":500,\"push\":true}");
        String progress = this.simulator + "/sim/changes/" + this.json.readTree(run).get("id").asLong();
        JsonNode state;
        while (!(state = this.json.readTree(this.http.get(progress))).get("done").asBoolean()) {
            Thread.sleep(20);
        }
        if (state.get("failed").asLong() > 0) {
            throw new IllegalStateException("The intake refused notifications: " + state);
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, long[]> expected = new HashMap<>();
        for (String line : lines) {
            expected.put(line, this.json.readValue(this.http.get(this.simulator + "/sim/lines/" + line
                    + "/versions?firstUserId=" + firstUser + "&userCount=" + users), long[].class));
        }
        // read rarely until the last tenth: each read is an actuator request on the
        // measured cores (every 50 ms cost 10-15 % more worker CPU, BENCHMARKS.md)
        long target = (long) users * lines.size();
        double stored;
        while ((stored = this.metrics.snapshotsStored() - storedBefore) < target) {
            Thread.sleep((target - stored > target / 10) ? 250 : 25);
        }
        long checkStart = System.nanoTime();
        awaitRedis(firstUser, users, lines, expected);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        long rows = matchingRows(firstUser, users, expected);
        return new Result((long) users * lines.size(), (long) users * lines.size() * changesPerUser, seconds,
                pushSeconds, (end - checkStart) / 1e9, rows);
    }

    /**
     * Reads only the version fields of each cached wallet ({@code HMGET}): the whole hash
     * ({@code HGETALL}, ~2.4 KB a user) made this check, which runs inside the clock,
     * move ~24 MB per round.
     */
    private void awaitRedis(long firstUser, int users, List<String> lines, Map<String, long[]> expected)
            throws Exception {
        String[] fields = lines.stream().map((line) -> "v:" + line).toArray(String[]::new);
        List<Long> pending = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            pending.add(firstUser + i);
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pending.size() + " users never reached their final versions");
            }
            List<Long> still = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 1000) {
                List<Long> chunk = pending.subList(from, Math.min(pending.size(), from + 1000));
                List<RedisFuture<List<KeyValue<String, String>>>> wallets = chunk.stream()
                    .map((u) -> this.redis.async().hmget("wallet:v3:" + u, fields))
                    .toList();
                for (int k = 0; k < chunk.size(); k++) {
                    if (!complete(wallets.get(k).get(), (int) (chunk.get(k) - firstUser), lines, expected)) {
                        still.add(chunk.get(k));
                    }
                }
            }
            pending = still;
            if (!pending.isEmpty()) {
                Thread.sleep(50);
            }
        }
    }

    /**
     * The cached wallet hash holds {@code v:line} = version for every line (see
     * WalletCache); {@code versions} are those fields in the order of {@code lines}.
     */
    private static boolean complete(List<KeyValue<String, String>> versions, int index, List<String> lines,
            Map<String, long[]> expected) {
        for (int i = 0; i < lines.size(); i++) {
            KeyValue<String, String> version = versions.get(i);
            if (!version.hasValue() || Long.parseLong(version.getValue()) < expected.get(lines.get(i))[index]) {
                return false;
            }
        }
        return true;
    }

    /** Rows in the four physical tables at (or past) the expected version. */
    private long matchingRows(long firstUser, int users, Map<String, long[]> expected) throws SQLException {
        long matching = 0;
        for (int db = 0; db < 2; db++) {
            try (Connection connection = DriverManager.getConnection(this.jdbcBase + db, "root", "")) {
                for (int table = 0; table < 2; table++) {
                    try (PreparedStatement select = connection.prepareStatement("SELECT user_id, business_line, version"
                            + " FROM wallet_asset_snapshot_" + table + " WHERE user_id >= ? AND user_id < ?")) {
                        select.setLong(1, firstUser);
                        select.setLong(2, firstUser + users);
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                long[] versions = expected.get(rows.getString(2));
                                if (versions != null
                                        && rows.getLong(3) >= versions[(int) (rows.getLong(1) - firstUser)]) {
                                    matching++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return matching;
    }

    @Override
    public void close() {
        this.redis.close();
        this.redisClient.shutdown();
    }

    /** What one end-to-end run measured. */
    record Result(long snapshots, long notifications, double seconds, double pushSeconds, double checkSeconds,
            long rowsInMysql) {

        double snapshotsPerSecond() {
            return this.snapshots / this.seconds;
        }

    }

}
