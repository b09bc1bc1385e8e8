package org.walletplatform.order.flow;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The two flow sources in the order center's own ledger: settled red packets
 * ({@code rp_entry} of kind {@code settle}) and withdrawals (money out, so negative). Ids
 * compare in the binary collation, the order the merge uses.
 */
@Configuration(proxyBeanMethods = false)
class LedgerFlowSources {

    @Bean
    FlowSource settlementFlow(JdbcTemplate jdbc) {
        return new TableFlowSource(jdbc, "settlement", "rp_entry", "entry_no", "kind = 'settle'",
                (row, i) -> new FlowItem("settlement", row.getString("entry_no"), row.getLong("created_at_ms"),
                        row.getLong("amount_minor"), "red-packet", null));
    }

    @Bean
    FlowSource withdrawalFlow(JdbcTemplate jdbc) {
        return new TableFlowSource(jdbc, "withdrawal", "withdrawal", "withdrawal_no", "TRUE",
                (row, i) -> new FlowItem("withdrawal", row.getString("withdrawal_no"), row.getLong("created_at_ms"),
                        -row.getLong("amount_minor"), "withdrawal", row.getString("state")));
    }

    /** An account's rows of one sharded table, newest first from a bound. */
    private record TableFlowSource(JdbcTemplate jdbc, String name, String table, String idColumn, String condition,
            RowMapper<FlowItem> rows) implements FlowSource {

        @Override
        public List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit) {
            String id = this.idColumn + " COLLATE utf8mb4_bin";
            return this.jdbc.query(
                    "SELECT * FROM " + this.table + " WHERE act_id = ? AND " + this.condition
                            + " AND (created_at_ms < ? OR (created_at_ms = ? AND " + id + " < ?))"
                            + " ORDER BY created_at_ms DESC, " + id + " DESC LIMIT ?",
                    this.rows, actId, bound.beforeMs(), bound.beforeMs(), bound.idBelow(), limit);
        }

    }

}
