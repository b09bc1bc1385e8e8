package org.walletplatform.store.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.walletplatform.sharding.StatementShapes;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The wallet's durable store of the latest snapshot per user and business line, in MySQL
 * sharded by user id.
 */
@Component
public class SnapshotStore {

    /** The logical table, sharded by user id. */
    public static final String TABLE = "wallet_asset_snapshot";

    /**
     * Rows per multi-row upsert; ShardingSphere splits each statement per physical table.
     * A power of two: a smaller chunk is padded to one ({@link StatementShapes}).
     */
    static final int UPSERT_CHUNK = 512;

    /**
     * The version-guarded upsert of {@code rows} rows: a row changes only when the
     * incoming version is higher, so an older snapshot delivered late never overwrites a
     * newer one and a replay changes nothing. {@code version} is assigned last because
     * MySQL evaluates assignments left to right. So a row repeated to pad the statement
     * changes nothing. Multi-row statements: one row per statement in a JDBC batch
     * through ShardingSphere halved the throughput (BENCHMARKS.md).
     */
    static String upsertSql(int rows) {
        return versionGuardedUpsert(TABLE, rows);
    }

    /**
     * The same into {@code table}, the logical one or a physical one (the columns:
     * user_id, business_line, version, assets, synced_at_ms).
     */
    public static String versionGuardedUpsert(String table, int rows) {
        return "INSERT INTO " + table + " (user_id, business_line, version, assets, synced_at_ms) VALUES "
                + StatementShapes.repeated("(?,?,?,?,?)", rows)
                + " ON DUPLICATE KEY UPDATE assets = IF(VALUES(version) > version, VALUES(assets), assets),"
                + " synced_at_ms = IF(VALUES(version) > version, VALUES(synced_at_ms), synced_at_ms),"
                + " version = GREATEST(version, VALUES(version))";
    }

    private static final String HOLDS_ASSETS = "JSON_LENGTH(assets) > 0";

    private static final String FULL_CHUNK_UPSERT = upsertSql(UPSERT_CHUNK);

    private static final TypeReference<List<AssetItem>> ITEMS = new TypeReference<>() {
    };

    private final AssetSnapshotMapper mapper;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final Clock clock;

    public SnapshotStore(AssetSnapshotMapper mapper, JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores each snapshot unless the store already holds the same or a newer version of
     * it.
     * @return the sync time written with the stored snapshots
     */
    public Instant upsertNewer(Collection<AssetSnapshot> snapshots) {
        long now = this.clock.millis();
        List<AssetSnapshot> all = List.copyOf(snapshots);
        for (int from = 0; from < all.size(); from += UPSERT_CHUNK) {
            List<AssetSnapshot> chunk = StatementShapes
                .padded(all.subList(from, Math.min(all.size(), from + UPSERT_CHUNK)));
            Object[] args = new Object[chunk.size() * 5];
            int i = 0;
            for (AssetSnapshot s : chunk) {
                args[i++] = s.userId();
                args[i++] = s.businessLine();
                args[i++] = s.version();
                args[i++] = this.json.writeValueAsString(s.assets());
                args[i++] = now;
            }
            this.jdbc.update((chunk.size() == UPSERT_CHUNK) ? FULL_CHUNK_UPSERT : upsertSql(chunk.size()), args);
        }
        return Instant.ofEpochMilli(now);
    }

    /**
     * Each requested user's lines, sorted by business line; users without rows map to an
     * empty list. A line found twice is read at its higher version: while a resharding
     * has copied rows to their new tables and not yet deleted the originals, a query for
     * several users reaches both (ShardingSphere sends the whole id list to every table
     * one of the ids routes to).
     */
    public Map<Long, List<LineAssets>> loadWallets(Collection<Long> userIds) {
        Map<Long, Map<String, LineAssets>> lines = new TreeMap<>();
        userIds.forEach((id) -> lines.put(id, new TreeMap<>()));
        if (!userIds.isEmpty()) {
            List<AssetSnapshotRow> rows = this.mapper.selectList(new LambdaQueryWrapper<AssetSnapshotRow>()
                .in(AssetSnapshotRow::getUserId, StatementShapes.padded(userIds)));
            for (AssetSnapshotRow row : rows) {
                lines.get(row.getUserId())
                    .merge(row.getBusinessLine(), new LineAssets(row.getBusinessLine(), row.getVersion(),
                            Instant.ofEpochMilli(row.getSyncedAtMs()), this.json.readValue(row.getAssets(), ITEMS)),
                            (found, other) -> (other.version() > found.version()) ? other : found);
            }
        }
        Map<Long, List<LineAssets>> wallets = new TreeMap<>();
        lines.forEach((user, byLine) -> wallets.put(user, new ArrayList<>(byLine.values())));
        return wallets;
    }

    /**
     * Up to {@code limit} present users above {@code afterUserId}, ascending (possibly
     * with repeats: a user counts once per line holding assets). Pages through every
     * shard for a full rebuild of the presence set.
     */
    public List<Long> presentUsersAfter(long afterUserId, int limit) {
        return this.jdbc.queryForList("SELECT user_id FROM wallet_asset_snapshot WHERE user_id > ? AND " + HOLDS_ASSETS
                + " ORDER BY user_id LIMIT ?", Long.class, afterUserId, limit);
    }

    /**
     * Up to {@code limit} rows' users above {@code afterUserId}, ascending (a user counts
     * once per line stored): every user with a row, holding assets or not.
     */
    public List<Long> usersAfter(long afterUserId, int limit) {
        return this.jdbc.queryForList(
                "SELECT user_id FROM wallet_asset_snapshot WHERE user_id > ? ORDER BY user_id" + " LIMIT ?", Long.class,
                afterUserId, limit);
    }

    public List<LineAssets> loadWallet(long userId) {
        return loadWallets(List.of(userId)).get(userId);
    }

}
