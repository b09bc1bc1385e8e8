package org.walletplatform.loadtest;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import org.walletplatform.model.RedisKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured path: the simulator changes every (user, line) and pushes the
 * notifications to the intake; the clock stops when every user's cached wallet in Redis
 * shows each line at the simulator's final version. The sync worker appends one presence
 * journal entry per stored batch, after merging it into the cached wallets, and Redis
 * stamps each entry with its own clock: the clock stops at the last entry naming one of
 * the round's users, read after every wallet was seen complete. So the harness looks at
 * Redis only every {@link #LOOK_EVERY} and checks the wallets once the journal has gone
 * quiet, and neither its checks nor its lag fall inside the clock. MySQL is then checked
 * row by row (Redis is written after MySQL in each batch).
 */
final class EndToEndRun implements AutoCloseable {

    /**
     * How often the harness reads the journal while the platform works; an interval with
     * no new entry sends it to check the wallets.
     */
    private static final Duration LOOK_EVERY = Duration.ofMillis(100);

    /**
     * How long after every wallet was seen complete the journal is read once more: the
     * entry of the batch that completed the last wallet may follow that check by the
     * journal append.
     */
    private static final Duration LATE_ENTRIES = Duration.ofMillis(300);

    /**
     * The longest the harness goes without checking the wallets, for a journal that never
     * goes quiet (other traffic on the platform).
     */
    private static final Duration CHECK_AT_LEAST_EVERY = Duration.ofSeconds(1);

    /** Wallets per check script call. */
    private static final int CHECK_CHUNK = 2_000;

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

    /** Opened once, before any round's clock starts. */
    private final HarnessRedis redis;

    private final String jdbcBase;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param redisUri a {@code redis://} URI, or a Redis Cluster's nodes
     * ({@link HarnessRedis#connect})
     */
    EndToEndRun(Http http, String simulator, String redisUri, String jdbcBase) {
        this.http = http;
        this.simulator = simulator;
        this.redis = HarnessRedis.connect(redisUri);
        this.jdbcBase = jdbcBase;
    }

    Result run(long firstUser, int users, List<String> lines, int changesPerUser) throws Exception {
        JournalTail journal = JournalTail.fromHead(this.redis.commands(), firstUser, users);
        double startMillis = redisMillis();
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
        long lastEntryMillis = followJournal(journal, firstUser, lines, expected);
        double harnessCpuSeconds = (OWN_PROCESS.getProcessCpuTime() - cpuAtStart) / 1e9;
        double seconds = (lastEntryMillis - startMillis) / 1e3;
        long rows = matchingRows(firstUser, users, expected);
        return new Result((long) users * lines.size(), (long) users * lines.size() * changesPerUser, seconds,
                pushSeconds, harnessCpuSeconds, rows);
    }

    /** Now on Redis's clock, which stamps the journal's entries, in milliseconds. */
    private double redisMillis() {
        List<String> time = this.redis.commands().time();
        return Long.parseLong(time.get(0)) * 1e3 + Long.parseLong(time.get(1)) / 1e3;
    }

    /**
     * Follows the journal until every user is at their final versions, checking the
     * wallets whenever the journal was quiet for {@link #LOOK_EVERY}, and at least every
     * {@link #CHECK_AT_LEAST_EVERY} (versions only grow, so a wallet seen complete stays
     * complete).
     * @return when Redis stamped the last entry naming one of the users, read
     * {@link #LATE_ENTRIES} after the last wallet was seen complete: each entry follows
     * its batch's merges, so that is when (or just after) the last wallet was complete
     */
    private long followJournal(JournalTail journal, long firstUser, List<String> lines, Map<String, long[]> expected)
            throws InterruptedException {
        boolean[] confirmed = new boolean[journal.users()];
        int left = confirmed.length;
        long deadline = System.nanoTime() + 600_000_000_000L;
        long checked = System.nanoTime();
        while (left > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(left + " users never reached their final versions");
            }
            Thread.sleep(LOOK_EVERY);
            boolean quiet = journal.readNew() == 0;
            if (journal.lastNamingMillis() > 0
                    && (quiet || System.nanoTime() - checked > CHECK_AT_LEAST_EVERY.toNanos())) {
                left -= confirmComplete(confirmed, firstUser, lines, expected);
                checked = System.nanoTime();
            }
        }
        Thread.sleep(LATE_ENTRIES);
        journal.readNew();
        return journal.lastNamingMillis();
    }

    /** Checks every wallet not yet confirmed; answers how many are now. */
    private int confirmComplete(boolean[] confirmed, long firstUser, List<String> lines, Map<String, long[]> expected) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < confirmed.length; i++) {
            if (!confirmed[i]) {
                open.add(i);
            }
        }
        int newly = 0;
        for (int from = 0; from < open.size(); from += CHECK_CHUNK) {
            for (int index : complete(open.subList(from, Math.min(open.size(), from + CHECK_CHUNK)), firstUser, lines,
                    expected)) {
                confirmed[index] = true;
                newly++;
            }
        }
        return newly;
    }

    /**
     * Which of the users (indexes from {@code firstUser}) have every line of their cached
     * wallet ({@code v:line} fields, see WalletCache) at the expected version or past it.
     */
    List<Integer> complete(List<Integer> indexes, long firstUser, List<String> lines, Map<String, long[]> expected) {
        List<String> keys = indexes.stream().map((index) -> RedisKeys.wallet(firstUser + index)).toList();
        List<List<Integer>> groups = List.copyOf(this.redis.scriptGroups(keys));
        List<RedisFuture<List<Long>>> answers = new ArrayList<>(groups.size());
        for (List<Integer> group : groups) {
            String[] args = new String[1 + lines.size() + group.size() * lines.size()];
            args[0] = Integer.toString(lines.size());
            int a = 1;
            for (String line : lines) {
                args[a++] = "v:" + line;
            }
            for (int k : group) {
                for (String line : lines) {
                    args[a++] = Long.toString(expected.get(line)[indexes.get(k)]);
                }
            }
            answers.add(this.redis.async()
                .eval(COMPLETE, ScriptOutputType.MULTI, group.stream().map(keys::get).toArray(String[]::new), args));
        }
        List<Integer> done = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> group = groups.get(g);
            answers.get(g).toCompletableFuture().join().forEach((k) -> done.add(indexes.get(group.get(k.intValue()))));
        }
        return done;
    }

    /**
     * Rows at (or past) the expected version in every physical table the shard databases
     * hold ({@code wallet_ds_N.wallet_asset_snapshot_M}, found in the server's catalog),
     * so the count holds on any layout, e.g. after {@code ./wallet reshard}.
     */
    private long matchingRows(long firstUser, int users, Map<String, long[]> expected) throws SQLException {
        String server = this.jdbcBase.substring(0, this.jdbcBase.lastIndexOf('/') + 1);
        String databases = this.jdbcBase.substring(server.length()).replace("_", "\\_") + "%";
        long matching = 0;
        try (Connection connection = DriverManager.getConnection(server, "root", "")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement catalog = connection.prepareStatement("SELECT CONCAT(table_schema, '.', table_name)"
                    + " FROM information_schema.tables WHERE table_schema LIKE ?"
                    + " AND table_name LIKE 'wallet\\_asset\\_snapshot\\_%'")) {
                catalog.setString(1, databases);
                try (ResultSet found = catalog.executeQuery()) {
                    while (found.next()) {
                        tables.add(found.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (PreparedStatement select = connection.prepareStatement("SELECT user_id, business_line, version"
                        + " FROM " + table + " WHERE user_id >= ? AND user_id < ?")) {
                    select.setLong(1, firstUser);
                    select.setLong(2, firstUser + users);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            long[] versions = expected.get(rows.getString(2));
                            if (versions != null && rows.getLong(3) >= versions[(int) (rows.getLong(1) - firstUser)]) {
                                matching++;
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
    }

    /**
     * What one end-to-end run measured. {@code harnessCpuSeconds}: CPU this harness
     * itself used from the push until it saw every wallet complete (a little past the
     * clock's end), taken from the cores the platform shares with it.
     */
    record Result(long snapshots, long notifications, double seconds, double pushSeconds, double harnessCpuSeconds,
            long rowsInMysql) {

        /** From the last push accepted to the clock's end. */
        double afterPushSeconds() {
            return this.seconds - this.pushSeconds;
        }

        double snapshotsPerSecond() {
            return this.snapshots / this.seconds;
        }

    }

}
