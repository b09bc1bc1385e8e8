package org.walletplatform.order.budget;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The budget's records in MySQL ({@code budget_lease}), append-only: per scene and
 * lessee, each lease (+), return and reclaim (−), and what a dead lessee's orders spent
 * (−, so its account nets to zero). Every row has an id, so a write repeated after a
 * timeout, or by another instance, lands once.
 */
@Component
class LeaseTable {

    private final JdbcTemplate jdbc;

    LeaseTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a row; false if a row with this id is there already. */
    boolean insertOnce(String id, String kind, String sceneId, String lessee, long amount, long atMs) {
        try {
            this.jdbc.update("INSERT INTO budget_lease (lease_id, kind, scene_id, lessee, amount_minor, leased_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, kind, sceneId, lessee, amount, atMs);
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /** The id of the one row of {@code kind} a lessee may have per scene. */
    static String onlyIdOf(String kind, String sceneId, String lessee) {
        return UUID.nameUUIDFromBytes((kind + "\n" + sceneId + "\n" + lessee).getBytes(StandardCharsets.UTF_8))
            .toString();
    }

    /**
     * Per scene and lessee, what is leased and not returned, while the lessee's account
     * is open (a closed one nets to zero).
     */
    List<OpenLease> openLeases() {
        return this.jdbc.query(
                "SELECT scene_id, lessee, SUM(amount_minor) AS net FROM budget_lease"
                        + " GROUP BY scene_id, lessee HAVING SUM(amount_minor) > 0",
                (row, i) -> new OpenLease(row.getString("scene_id"), row.getString("lessee"), row.getLong("net")));
    }

    /** Per scene, the net leased: leases less returns and reclaims. */
    Map<String, Long> netLeased() {
        Map<String, Long> leased = new TreeMap<>();
        this.jdbc.query(
                "SELECT scene_id, SUM(amount_minor) AS net FROM budget_lease WHERE kind <> 'spent'"
                        + " GROUP BY scene_id",
                (RowCallbackHandler) (row) -> leased.put(row.getString("scene_id"), row.getLong("net")));
        return leased;
    }

    /** Budget leased under one lessee for one scene, not yet spent or returned. */
    record OpenLease(String sceneId, String lessee, long netMinor) {

    }

}
