package org.walletplatform.store.snapshot;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/**
 * Reads of snapshot rows through ShardingSphere; every query carries the sharding key
 * {@code user_id}. Writes are a JDBC batch in {@link SnapshotStore#upsertSql}.
 */
@Mapper
public interface AssetSnapshotMapper extends BaseMapper<AssetSnapshotRow> {

}
