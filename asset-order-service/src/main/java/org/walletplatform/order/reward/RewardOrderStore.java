package org.walletplatform.order.reward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.walletplatform.model.reward.OrderNumber;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reward orders in MySQL, sharded by actID. The order number is the primary key, so a
 * second insert of the same number fails in the database itself: idempotency never rests
 * on reading first.
 */
@Component
class RewardOrderStore {

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    RewardOrderStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Writes the order; false if an order with its number exists already (nothing
     * written).
     */
    boolean insert(RewardOrder order, String requestHash, String lessee) {
        try {
            this.jdbc.update("INSERT INTO reward_order (order_no, act_id, activity_id, scene_id, rain_id, award_type,"
                    + " stage, amount_minor, payload, request_hash, state, lessee, created_at_ms, updated_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", order.orderNo(), order.actId(),
                    order.activityId(), order.sceneId(), order.rainId(), order.awardType(), order.stage(),
                    order.amountMinor(), this.json.writeValueAsString(order.payload()), requestHash, order.state(),
                    lessee, order.createdAt().toEpochMilli(), order.createdAt().toEpochMilli());
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    Optional<Stored> find(OrderNumber number) {
        List<Stored> rows = this.jdbc.query("SELECT * FROM reward_order WHERE act_id = ? AND order_no = ?",
                this::stored, number.actId(), number.toString());
        return rows.stream().findFirst();
    }

    private Stored stored(ResultSet row, int i) throws SQLException {
        return new Stored(new RewardOrder(row.getString("order_no"), row.getLong("act_id"),
                row.getString("activity_id"), row.getString("scene_id"), row.getString("rain_id"),
                row.getString("award_type"), row.getInt("stage"), row.getLong("amount_minor"),
                this.json.readValue(row.getString("payload"), PAYLOAD), row.getString("state"),
                Instant.ofEpochMilli(row.getLong("created_at_ms")), false), row.getString("request_hash"));
    }

    /** An order as stored, with the hash of the request that created it. */
    record Stored(RewardOrder order, String requestHash) {

    }

}
