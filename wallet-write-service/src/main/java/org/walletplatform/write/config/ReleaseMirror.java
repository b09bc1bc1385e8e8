package org.walletplatform.write.config;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;

/**
 * The configurations' release states, versions and changes in MySQL: the record of what
 * was released, and the mirror readers fall back on when Redis is down.
 */
@Repository
class ReleaseMirror {

    private final ConfigSchema schema;

    private final JsonMapper json;

    ReleaseMirror(ConfigSchema schema, JsonMapper json) {
        this.schema = schema;
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
        this.schema.migrated()
            .sql("INSERT IGNORE INTO config_state (name, revision, state, last_change, updated_at) VALUES (?, 0, ?, '', ?)")
            .params(name, this.json.writeValueAsString(new ReleaseState(name, 0, null, null)), Timestamp.from(now))
            .update();
        return this.schema.migrated()
            .sql("SELECT state, last_change FROM config_state WHERE name = ? FOR UPDATE")
            .param(name)
            .query((rs, row) -> new Stored(this.json.readValue(rs.getString(1), ReleaseState.class), rs.getString(2)))
            .single();
    }

    /** The revision of the configuration's state, 0 if it was never changed. */
    long revision(String name) {
        return this.schema.migrated()
            .sql("SELECT revision FROM config_state WHERE name = ?")
            .param(name)
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    Optional<ReleaseState> state(String name) {
        return this.schema.migrated()
            .sql("SELECT state FROM config_state WHERE name = ?")
            .param(name)
            .query(String.class)
            .optional()
            .map((s) -> this.json.readValue(s, ReleaseState.class));
    }

    void save(ReleaseState state, String fingerprint, ConfigChange change, Instant now) {
        this.schema.migrated()
            .sql("UPDATE config_state SET revision = ?, state = ?, last_change = ?, updated_at = ? WHERE name = ?")
            .params(state.revision(), this.json.writeValueAsString(state), fingerprint, Timestamp.from(now),
                    state.name())
            .update();
        this.schema.migrated()
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
        long version = this.schema.migrated()
            .sql("SELECT COALESCE(MAX(version), 0) + 1 FROM config_version WHERE name = ?")
            .param(name)
            .query(Long.class)
            .single();
        this.schema.migrated()
            .sql("INSERT INTO config_version (name, version, config, created_at) VALUES (?, ?, ?, ?)")
            .params(name, version, this.json.writeValueAsString(config), Timestamp.from(now))
            .update();
        return version;
    }

    Optional<JsonNode> version(String name, long version) {
        return this.schema.migrated()
            .sql("SELECT config FROM config_version WHERE name = ? AND version = ?")
            .params(name, version)
            .query(String.class)
            .optional()
            .map(this.json::readTree);
    }

    /** The latest changes first, at most {@code limit}, below {@code beforeRevision}. */
    List<ConfigChange> changes(String name, long beforeRevision, int limit) {
        return this.schema.migrated()
            .sql("SELECT revision, action, version, whitelisted, actor, changed_at FROM config_change"
                    + " WHERE name = ? AND revision < ? ORDER BY revision DESC LIMIT ?")
            .params(name, beforeRevision, limit)
            .query((rs, row) -> new ConfigChange(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                    rs.getString(5), rs.getTimestamp(6).toInstant()))
            .list();
    }

}
