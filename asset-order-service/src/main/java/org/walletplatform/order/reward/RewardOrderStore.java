package org.walletplatform.order.reward;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.walletplatform.model.reward.OrderNumber;
import org.walletplatform.order.budget.IssuedOrders;
import org.walletplatform.order.scene.Scene;
import org.walletplatform.sharding.StatementShapes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reward orders in MySQL, sharded by actID. The order number is the primary key, so a
 * second insert of the same number fails in the database itself: idempotency never rests
 * on reading first.
 */
@Component
public class RewardOrderStore implements IssuedOrders {

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    /** Rows per insert statement. */
    private static final int MAX_ROWS = 256;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final Clock clock;

    RewardOrderStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Writes the order; false if an order with its number exists already (nothing
     * written).
     */
    public boolean insert(RewardOrder order, String requestHash, String lessee) {
        try {
            insertAll(List.of(new NewOrder(order, requestHash, lessee)));
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Writes the order, or answers the stored one if its number exists: the one
     * idempotent step of every kind of reward kept in this table.
     */
    public IssueOutcome insertOrFind(RewardOrder order, String requestHash, String lessee) {
        return insert(order, requestHash, lessee) ? IssueOutcome.issued(order)
                : IssueOutcome.existing(find(OrderNumber.parse(order.orderNo())).orElseThrow());
    }

    /**
     * Writes the orders in a few multi-row statements (each split by shard); fails, with
     * a {@link DuplicateKeyException}, if any of their numbers exists: called in a
     * transaction, it writes all or none.
     */
    public void insertAll(List<NewOrder> orders) {
        for (List<NewOrder> piece : StatementShapes.pieces(orders, MAX_ROWS)) {
            List<Object> args = new ArrayList<>(piece.size() * 17);
            for (NewOrder each : piece) {
                RewardOrder order = each.order();
                args.addAll(Arrays.asList(order.orderNo(), order.actId(), order.appId(), order.activityId(),
                        order.phase(), order.sceneId(), order.rainId(), order.awardType(), order.stage(),
                        order.amountMinor(), this.json.writeValueAsString(order.payload()), each.requestHash(),
                        order.state(), each.lessee(), order.token(), order.createdAt().toEpochMilli(),
                        order.createdAt().toEpochMilli()));
            }
            this.jdbc.update(
                    "INSERT INTO reward_order (order_no, act_id, app_id, activity_id, phase, scene_id,"
                            + " rain_id, award_type, stage, amount_minor, payload, request_hash, state, lessee, token,"
                            + " created_at_ms, updated_at_ms) VALUES " + StatementShapes
                                .repeated("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", piece.size()),
                    args.toArray());
        }
    }

    /** Of these orders, the numbers that exist already. */
    public Set<String> existing(List<RewardOrder> orders) {
        if (orders.isEmpty()) {
            return Set.of();
        }
        List<RewardOrder> padded = StatementShapes.padded(orders);
        List<Object> args = new ArrayList<>();
        padded.forEach((order) -> args.add(order.actId()));
        padded.forEach((order) -> args.add(order.orderNo()));
        return new HashSet<>(
                this.jdbc.queryForList("SELECT order_no FROM reward_order WHERE act_id IN (" + marks(padded.size())
                        + ") AND order_no IN (" + marks(padded.size()) + ")", String.class, args.toArray()));
    }

    /**
     * An order to write, with the hash of its request and the budget lessee it was taken
     * under.
     */
    public record NewOrder(RewardOrder order, String requestHash, String lessee) {

    }

    /**
     * Moves the order to {@code to} if it is in one of {@code from}; false if it was not
     * (another delivery got there first, or it is settled).
     */
    public boolean transition(RewardOrder order, List<String> from, String to) {
        String states = marks(from.size());
        List<Object> args = new ArrayList<>(List.of(to, this.clock.millis(), order.actId(), order.orderNo()));
        args.addAll(from);
        return this.jdbc.update("UPDATE reward_order SET state = ?, updated_at_ms = ? WHERE act_id = ? AND order_no = ?"
                + " AND state IN (" + states + ")", args.toArray()) == 1;
    }

    /**
     * Moves every one of {@code orders} that is in one of {@code from} to {@code to}, in
     * one statement (routed to the shards of their actIDs); returns how many moved.
     */
    public int transitionAll(List<RewardOrder> orders, List<String> from, String to) {
        List<RewardOrder> padded = StatementShapes.padded(orders);
        List<Object> args = new ArrayList<>(List.of(to, this.clock.millis()));
        padded.forEach((order) -> args.add(order.actId()));
        padded.forEach((order) -> args.add(order.orderNo()));
        args.addAll(from);
        return this.jdbc.update(
                "UPDATE reward_order SET state = ?, updated_at_ms = ? WHERE act_id IN (" + marks(padded.size())
                        + ") AND order_no IN (" + marks(padded.size()) + ") AND state IN (" + marks(from.size()) + ")",
                args.toArray());
    }

    private static String marks(int count) {
        return StatementShapes.repeated("?", count);
    }

    /**
     * Non-cash, non-test orders still accepted or delivering whose last change is older
     * than {@code before}: deliveries that never finished, for the janitor.
     */
    public List<RewardOrder> findStuck(long beforeMillis, int limit) {
        return this.jdbc
            .query("SELECT * FROM reward_order WHERE state IN ('accepted', 'delivering') AND award_type <> 'cash'"
                    + " AND phase <> 'test' AND updated_at_ms < ? ORDER BY updated_at_ms LIMIT ?", this::stored,
                    beforeMillis, limit)
            .stream()
            .map(StoredOrder::order)
            .toList();
    }

    @Override
    public Map<String, Long> issuedBy(String lessee) {
        Map<String, Long> issued = new HashMap<>();
        this.jdbc.query("SELECT scene_id, phase, SUM(amount_minor) AS issued FROM reward_order WHERE lessee = ?"
                + " GROUP BY scene_id, phase", (RowCallbackHandler) (row) -> {
                    String phase = row.getString("phase");
                    String isolatedPhase = RewardOrder.isolated(phase) ? phase : null;
                    issued.merge(Scene.budgetId(row.getString("scene_id"), isolatedPhase), row.getLong("issued"),
                            Long::sum);
                }, lessee);
        return issued;
    }

    public Optional<StoredOrder> find(OrderNumber number) {
        List<StoredOrder> rows = this.jdbc.query("SELECT * FROM reward_order WHERE act_id = ? AND order_no = ?",
                this::stored, number.actId(), number.toString());
        return rows.stream().findFirst();
    }

    private StoredOrder stored(ResultSet row, int i) throws SQLException {
        return new StoredOrder(new RewardOrder(row.getString("order_no"), row.getLong("act_id"),
                row.getString("app_id"), row.getString("activity_id"), row.getString("phase"),
                row.getString("scene_id"), row.getString("rain_id"), row.getString("award_type"), row.getInt("stage"),
                row.getLong("amount_minor"), this.json.readValue(row.getString("payload"), PAYLOAD),
                row.getString("state"), Instant.ofEpochMilli(row.getLong("created_at_ms")), row.getString("token"),
                false), row.getString("request_hash"));
    }

}
