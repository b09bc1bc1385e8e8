package org.walletplatform.order.identity;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The identity tables. Every binding is an insert on a unique key, so two instances
 * binding the same account or phone at once end with one winner, which both then read.
 */
@Component
class IdentityStore {

    private final JdbcTemplate jdbc;

    private final Clock clock;

    IdentityStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long allocateActId() {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        this.jdbc.update((connection) -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO act_id_seq (created_at_ms) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, this.clock.millis());
            return insert;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Long> accountAct(String appId, String appUserId) {
        return first(this.jdbc.queryForList("SELECT act_id FROM act_account WHERE app_id = ? AND app_user_id = ?",
                Long.class, appId, appUserId));
    }

    /** Binds the account unless it is bound already; returns the act it is bound to. */
    long bindAccount(String appId, String appUserId, long actId) {
        try {
            this.jdbc.update("INSERT INTO act_account (app_id, app_user_id, act_id, bound_at_ms) VALUES (?, ?, ?, ?)",
                    appId, appUserId, actId, this.clock.millis());
            return actId;
        }
        catch (DuplicateKeyException ex) {
            return accountAct(appId, appUserId).orElseThrow();
        }
    }

    Optional<Long> phoneAct(String phoneHash) {
        return first(
                this.jdbc.queryForList("SELECT act_id FROM act_phone WHERE phone_hash = ?", Long.class, phoneHash));
    }

    /** Binds the phone unless it is bound already; returns the act it is bound to. */
    long bindPhone(String phoneHash, long actId) {
        try {
            this.jdbc.update("INSERT INTO act_phone (phone_hash, act_id, bound_at_ms) VALUES (?, ?, ?)", phoneHash,
                    actId, this.clock.millis());
            return actId;
        }
        catch (DuplicateKeyException ex) {
            return phoneAct(phoneHash).orElseThrow();
        }
    }

    Optional<Long> mergedInto(long actId) {
        return first(
                this.jdbc.queryForList("SELECT into_act_id FROM act_merge WHERE from_act_id = ?", Long.class, actId));
    }

    /** Records the merge unless {@code from} was merged before; returns where it went. */
    long merge(long from, long into, String actor, String reason) {
        try {
            this.jdbc.update("INSERT INTO act_merge (from_act_id, into_act_id, actor, reason, merged_at_ms)"
                    + " VALUES (?, ?, ?, ?, ?)", from, into, actor, reason, this.clock.millis());
            return into;
        }
        catch (DuplicateKeyException ex) {
            return mergedInto(from).orElseThrow();
        }
    }

    private static Optional<Long> first(List<Long> rows) {
        return rows.stream().findFirst();
    }

}
