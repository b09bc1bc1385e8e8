package org.walletplatform.write.config;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The configurations' release states, versions and changes in MySQL: the record of what
 * was released, and the mirror readers fall back on when Redis is down.
 */
@Repository
class ReleaseMirror {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ReleaseMirror(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A state with the fingerprint of the request that made it. */
    record Stored(ReleaseState state, String lastChange) {
    }

    /**
     * The configuration's state, locked until the transaction ends; a configuration never
     * released starts at revision 0 with nothing released.
     */
    Stored lock(String name, Instant now) {
        this.jdbc.sql(
                "INSERT IGNORE INTO config_state (name, revision, state, last_change, updated_at) VALUES (?, 0, ?, '', ?)")
            .params(name, this.json.writeValueAsString(new ReleaseState(name, 0, null, null)), Timestamp.from(now))
            .update();
        return this.jdbc.sql("SELECT state, last_change FROM config_state WHERE name = ? FOR UPDATE")
            .param(name)
            .query((rs, row) -> new Stored(this.json.readValue(rs.getString(1), ReleaseState.class), rs.getString(2)))
            .single();
    }

    Optional<ReleaseState> state(String name) {
        return this.jdbc.sql("SELECT state FROM config_state WHERE name = ?")
            .param(name)
            .query(String.class)
            .optional()
            .map((s) -> this.json.readValue(s, ReleaseState.class));
    }

    void save(ReleaseState state, String fingerprint, ConfigChange change, Instant now) {
        this.jdbc.sql("UPDATE config_state SET revision = ?, state = ?, last_change = ?, updated_at = ? WHERE name = ?")
            .params(state.revision(), this.json.writeValueAsString(state), fingerprint, Timestamp.from(now),
                    state.name())
            .update();
        this.jdbc
            .sql("INSERT INTO config_change (name, revision, action, version, whitelisted, actor, changed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")
            .params(state.name(), change.revision(), change.action(), change.version(), change.whitelisted(),
                    change.actor(), Timestamp.from(change.changedAt()))
            .update();
    }

    /**
     * Stores a new version's configuration under the next number; call with the state
     * locked.
     */
    long addVersion(String name, JsonNode config, Instant now) {
        long version = this.jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM config_version WHERE name = ?")
            .param(name)
            .query(Long.class)
            .single();
        this.jdbc.sql("INSERT INTO config_version (name, version, config, created_at) VALUES (?, ?, ?, ?)")
            .params(name, version, this.json.writeValueAsString(config), Timestamp.from(now))
            .update();
        return version;
    }

    Optional<JsonNode> version(String name, long version) {
        return this.jdbc.sql("SELECT config FROM config_version WHERE name = ? AND version = ?")
            .params(name, version)
            .query(String.class)
            .optional()
            .map(this.json::readTree);
    }

    /** The latest changes first, at most {@code limit}, below {@code beforeRevision}. */
    List<ConfigChange> changes(String name, long beforeRevision, int limit) {
        return this.jdbc
            .sql("SELECT revision, action, version, whitelisted, actor, changed_at FROM config_change"
                    + " WHERE name = ? AND revision < ? ORDER BY revision DESC LIMIT ?")
            .params(name, beforeRevision, limit)
            .query((rs, row) -> new ConfigChange(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                    rs.getString(5), rs.getTimestamp(6).toInstant()))
            .list();
    }

}
