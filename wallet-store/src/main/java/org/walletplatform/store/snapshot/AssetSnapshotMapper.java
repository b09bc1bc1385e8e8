package org.walletplatform.store.snapshot;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Snapshot rows through ShardingSphere; every statement carries the sharding key {@code user_id}.
 */
@Mapper
public interface AssetSnapshotMapper extends BaseMapper<AssetSnapshotRow> {

    /**
     * Inserts or replaces snapshots, guarded by version in the statement itself: a row changes only when the
     * incoming version is higher, so an older snapshot delivered late never overwrites a newer one and a replay
     * changes nothing. {@code version} is assigned last because MySQL evaluates assignments left to right.
     */
    @Insert("""
            <script>
            INSERT INTO wallet_asset_snapshot (user_id, business_line, version, assets, synced_at_ms) VALUES
            <foreach collection="rows" item="r" separator=",">
              (#{r.userId}, #{r.businessLine}, #{r.version}, #{r.assets}, #{r.syncedAtMs})
            </foreach>
            ON DUPLICATE KEY UPDATE
              assets = IF(VALUES(version) > version, VALUES(assets), assets),
              synced_at_ms = IF(VALUES(version) > version, VALUES(synced_at_ms), synced_at_ms),
              version = GREATEST(version, VALUES(version))
            </script>
            """)
    int upsertNewer(@Param("rows") List<AssetSnapshotRow> rows);

}
