package org.walletplatform.store.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.walletplatform.model.line.AssetItem;
import org.walletplatform.model.line.AssetSnapshot;
import org.walletplatform.model.wallet.LineAssets;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The wallet's durable store of the latest snapshot per user and business line, in MySQL sharded by user id.
 */
@Component
public class SnapshotStore {

    /** Rows per multi-row upsert; ShardingSphere splits each statement per physical table. */
    static final int UPSERT_CHUNK = 500;

    private static final TypeReference<List<AssetItem>> ITEMS = new TypeReference<>() {
    };

    private final AssetSnapshotMapper mapper;

    private final JsonMapper json;

    private final Clock clock;

    public SnapshotStore(AssetSnapshotMapper mapper, JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    /** Stores each snapshot unless the store already holds the same or a newer version of it. */
    public void upsertNewer(Collection<AssetSnapshot> snapshots) {
        long now = this.clock.millis();
        List<AssetSnapshotRow> rows = snapshots.stream()
            .map((s) -> new AssetSnapshotRow(s.userId(), s.businessLine(), s.version(),
                    this.json.writeValueAsString(s.assets()), now))
            .toList();
        for (int from = 0; from < rows.size(); from += UPSERT_CHUNK) {
            this.mapper.upsertNewer(rows.subList(from, Math.min(rows.size(), from + UPSERT_CHUNK)));
        }
    }

    /** Each requested user's lines, sorted by business line; users without rows map to an empty list. */
    public Map<Long, List<LineAssets>> loadWallets(Collection<Long> userIds) {
        Map<Long, List<LineAssets>> wallets = new TreeMap<>();
        userIds.forEach((id) -> wallets.put(id, new ArrayList<>()));
        if (userIds.isEmpty()) {
            return wallets;
        }
        List<AssetSnapshotRow> rows = this.mapper
            .selectList(new LambdaQueryWrapper<AssetSnapshotRow>().in(AssetSnapshotRow::getUserId, userIds));
        for (AssetSnapshotRow row : rows) {
            wallets.get(row.getUserId())
                .add(new LineAssets(row.getBusinessLine(), row.getVersion(),
                        Instant.ofEpochMilli(row.getSyncedAtMs()), this.json.readValue(row.getAssets(), ITEMS)));
        }
        wallets.values().forEach((lines) -> lines.sort(Comparator.comparing(LineAssets::businessLine)));
        return wallets;
    }

    public List<LineAssets> loadWallet(long userId) {
        return loadWallets(List.of(userId)).get(userId);
    }

}
