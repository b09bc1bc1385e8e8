package org.walletplatform.order.flow;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The two flow sources in the order center's own ledger: settled red packets
 * ({@code rp_entry} of kind {@code settle}) and withdrawals. Ids compare in the binary
 * collation, the order the merge uses.
 */
@Configuration(proxyBeanMethods = false)
class LedgerFlowSources {

    @Bean
    FlowSource settlementFlow(JdbcTemplate jdbc) {
        return new FlowSource() {

            @Override
            public String name() {
                return "settlement";
            }

            @Override
            public List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit) {
                return jdbc.query(
                        "SELECT entry_no, created_at_ms, amount_minor FROM rp_entry WHERE act_id = ?"
                                + " AND kind = 'settle' AND (created_at_ms < ? OR (created_at_ms = ?"
                                + " AND entry_no COLLATE utf8mb4_bin < ?)) ORDER BY created_at_ms DESC,"
                                + " entry_no COLLATE utf8mb4_bin DESC LIMIT ?",
                        (row, i) -> new FlowItem(name(), row.getString("entry_no"), row.getLong("created_at_ms"),
                                row.getLong("amount_minor"), "red-packet", null),
                        actId, bound.beforeMs(), bound.beforeMs(), bound.idBelow(), limit);
            }

        };
    }

    @Bean
    FlowSource withdrawalFlow(JdbcTemplate jdbc) {
        return new FlowSource() {

            @Override
            public String name() {
                return "withdrawal";
            }

            @Override
            public List<FlowItem> items(long actId, FlowPosition.Bound bound, int limit) {
                return jdbc.query(
                        "SELECT withdrawal_no, created_at_ms, amount_minor, state FROM withdrawal"
                                + " WHERE act_id = ? AND (created_at_ms < ? OR (created_at_ms = ?"
                                + " AND withdrawal_no COLLATE utf8mb4_bin < ?)) ORDER BY created_at_ms DESC,"
                                + " withdrawal_no COLLATE utf8mb4_bin DESC LIMIT ?",
                        (row, i) -> new FlowItem(name(), row.getString("withdrawal_no"), row.getLong("created_at_ms"),
                                -row.getLong("amount_minor"), "withdrawal", row.getString("state")),
                        actId, bound.beforeMs(), bound.beforeMs(), bound.idBelow(), limit);
            }

        };
    }

}
