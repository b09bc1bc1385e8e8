package org.walletplatform.write.config;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code wallet_config} schema, migrated on first use rather than at start (Boot's
 * Flyway run is off): the write service's main job is the notification intake, which
 * needs no MySQL, so it starts and takes notifications while MySQL is down; only the
 * configuration admin answers 503 until MySQL is back. The mirror reaches the database
 * only through {@link #migrated()}.
 */
@Component
class ConfigSchema {

    private final Flyway flyway;

    private final JdbcClient jdbc;

    private volatile boolean migrated;

    ConfigSchema(DataSource dataSource) {
        this.flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/config").load();
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The database, its schema migrated first if that has not been done yet.
     * @throws DataAccessResourceFailureException when MySQL cannot be reached (a 503)
     */
    JdbcClient migrated() {
        if (this.migrated) {
            return this.jdbc;
        }
        synchronized (this) {
            if (!this.migrated) {
                try {
                    this.flyway.migrate();
                }
                catch (FlywayException ex) {
                    throw new DataAccessResourceFailureException("The configuration database is not reachable", ex);
                }
                this.migrated = true;
            }
        }
        return this.jdbc;
    }

}
