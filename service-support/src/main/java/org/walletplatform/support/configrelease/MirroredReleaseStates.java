package org.walletplatform.support.configrelease;

import java.util.Optional;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The released states in the MySQL mirror the write service keeps (table
 * {@code config_state}), read when Redis does not answer or has lost them.
 */
public final class MirroredReleaseStates implements ReleaseStateReader {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    public MirroredReleaseStates(DataSource mirror, JsonMapper json) {
        this.jdbc = JdbcClient.create(mirror);
        this.json = json;
    }

    @Override
    public Optional<ReleaseState> newerThan(String name, long revision) {
        return this.jdbc.sql("SELECT state FROM config_state WHERE name = ? AND revision > ?")
            .params(name, revision)
            .query(String.class)
            .optional()
            .map((s) -> this.json.readValue(s, ReleaseState.class));
    }

}
