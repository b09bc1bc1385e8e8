package org.walletplatform.loadtest;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.walletplatform.model.RedisKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured path: the simulator changes every (user, line) and pushes the
 * notifications to the intake; the clock stops when every user's cached wallet in Redis
 * shows each line at the simulator's final version. A user's wallet is checked when the
 * presence journal names them: the sync worker appends one entry per stored batch, after
 * merging it into the cached wallets, so following the journal (a blocking read) sees
 * every batch as it lands without asking the measured services anything inside the clock.
 * MySQL is then checked row by row (Redis is written after MySQL in each batch).
 */
final class EndToEndRun implements AutoCloseable {

    private static final String JOURNAL = RedisKeys.PRESENCE_JOURNAL;

    /**
     * KEYS: cached wallets; ARGV: the number of lines, their version fields, then each
     * wallet's expected versions. Answers the positions (from 0) of the complete ones.
     */
    private static final String COMPLETE = """
            local n = tonumber(ARGV[1])
            local done = {}
            for k = 1, #KEYS do
              local got = redis.call('HMGET', KEYS[k], unpack(ARGV, 2, n + 1))
              local ok = true
              for i = 1, n do
                local want = tonumber(ARGV[1 + n + (k - 1) * n + i])
                if not got[i] or tonumber(got[i]) < want then ok = false break end
              end
              if ok then table.insert(done, k - 1) end
            end
            return done
            """;

    private static final OperatingSystemMXBean OWN_PROCESS = (OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean();

    private final Http http;

    private final String simulator;

    private final RedisClient redisClient;

    /** Opened once, before any round's clock starts. */
    private final StatefulRedisConnection<String, String> redis;

    private final String jdbcBase;

    private final JsonMapper json = JsonMapper.builder().build();

    EndToEndRun(Http http, String simulator, String redisUri, String jdbcBase) {
        this.http = http;
        this.simulator = simulator;
        this.redisClient = RedisClient.create(redisUri);
        this.redis = this.redisClient.connect();
        this.jdbcBase = jdbcBase;
    }

    Result run(long firstUser, int users, List<String> lines, int changesPerUser) throws Exception {
        String journalRead = newestJournalEntry();
        long start = System.nanoTime();
        long cpuAtStart = OWN_PROCESS.getProcessCpuTime();
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
        long pushed = System.nanoTime();
        followJournal(journalRead, firstUser, users, lines, expected);
        long end = System.nanoTime();
        double harnessCpuSeconds = (OWN_PROCESS.getProcessCpuTime() - cpuAtStart) / 1e9;
        double seconds = (end - start) / 1e9;
        long rows = matchingRows(firstUser, users, expected);
        return new Result((long) users * lines.size(), (long) users * lines.size() * changesPerUser, seconds,
                pushSeconds, (end - pushed) / 1e9, harnessCpuSeconds, rows);
    }

    private String newestJournalEntry() {
        List<StreamMessage<String, String>> newest = this.redis.sync()
            .xrevrange(JOURNAL, Range.create("-", "+"), Limit.from(1));
        return newest.isEmpty() ? "0-0" : newest.get(0).getId();
    }

    /**
     * Checks the users each journal entry after {@code after} names until every user is
     * at their final versions. Versions only grow, so a user confirmed once stays
     * confirmed. The check runs in Redis, one call per journal read ({@link #COMPLETE}):
     * a command per user kept this harness's own Redis client busy with tens of thousands
     * of replies a round, CPU taken from the platform it measures.
     */
    private void followJournal(String after, long firstUser, int users, List<String> lines,
            Map<String, long[]> expected) {
        boolean[] confirmed = new boolean[users];
        int left = users;
        String position = after;
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (left > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left + " users never reached their final versions");
            }
            List<StreamMessage<String, String>> entries = this.redis.sync()
                .xread(XReadArgs.Builder.block(Duration.ofMillis(500)).count(100),
                        XReadArgs.StreamOffset.from(JOURNAL, position));
            Set<Integer> named = new TreeSet<>();
            for (StreamMessage<String, String> entry : entries) {
                position = entry.getId();
                for (String field : List.of("in", "out")) {
                    for (String id : entry.getBody().getOrDefault(field, "").split(",")) {
                        long user = id.isEmpty() ? -1 : Long.parseLong(id) - firstUser;
                        if (user >= 0 && user < users && !confirmed[(int) user]) {
                            named.add((int) user);
                        }
                    }
                }
            }
            if (!named.isEmpty()) {
                for (int index : complete(List.copyOf(named), firstUser, lines, expected)) {
                    confirmed[index] = true;
                    left--;
                }
            }
        }
    }

    /**
     * Which of the users (indexes from {@code firstUser}) have every line of their cached
     * wallet ({@code v:line} fields, see WalletCache) at the expected version or past it.
     */
    private List<Integer> complete(List<Integer> indexes, long firstUser, List<String> lines,
            Map<String, long[]> expected) {
        String[] keys = new String[indexes.size()];
        String[] args = new String[1 + lines.size() + indexes.size() * lines.size()];
        args[0] = Integer.toString(lines.size());
        int a = 1;
        for (String line : lines) {
            args[a++] = "v:" + line;
        }
        for (int k = 0; k < indexes.size(); k++) {
            int index = indexes.get(k);
            keys[k] = RedisKeys.wallet(firstUser + index);
            for (String line : lines) {
                args[a++] = Long.toString(expected.get(line)[index]);
            }
        }
        List<Long> done = this.redis.sync().eval(COMPLETE, ScriptOutputType.MULTI, keys, args);
        return done.stream().map((k) -> indexes.get(k.intValue())).toList();
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

    /**
     * What one end-to-end run measured. {@code harnessCpuSeconds}: CPU this harness
     * itself used inside the clock, taken from the cores the platform shares with it.
     */
    record Result(long snapshots, long notifications, double seconds, double pushSeconds, double afterPushSeconds,
            double harnessCpuSeconds, long rowsInMysql) {

        double snapshotsPerSecond() {
            return this.snapshots / this.seconds;
        }

    }

}
