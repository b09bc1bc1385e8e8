package org.walletplatform.sharding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.walletplatform.testing.CuttableProxy;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store outage is a quick failure, not a held request: the shard pools' and the outer
 * pool's connection timeouts both apply (against the local MariaDB, reached through a
 * proxy the test can cut).
 */
class ShardingConfigIT {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aStoreThatStopsAnsweringFailsWithinTheShardTimeoutAndRecoversByItself() throws Exception {
        try (CuttableProxy mysql = new CuttableProxy(3306)) {
            DataSource store = dataSource(yaml(mysql.port(), "connectionTimeout: 1000"), 4);
            try {
                assertThat(selectOne(store)).isEqualTo(1);

                mysql.cut();
                // past Hikari's 500 ms bypass, so the dead connections are checked and
                // replaced
                Thread.sleep(700);
                long start = System.nanoTime();
                assertThatThrownBy(() -> selectOne(store)).isInstanceOf(SQLException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);

                mysql.restore();
                assertThat(eventually(() -> selectOne(store))).isEqualTo(1);
            }
            finally {
                ((HikariDataSource) store).close();
            }
        }
    }

    @Test
    void aRequestWaitsForAFreeConnectionOnlyAsLongAsTheOuterTimeout() throws Exception {
        try (CuttableProxy mysql = new CuttableProxy(3306)) {
            DataSource store = dataSource(yaml(mysql.port(), "connectionTimeout: 1000"), 1);
            try (Connection held = store.getConnection()) {
                long start = System.nanoTime();
                assertThatThrownBy(store::getConnection).isInstanceOf(SQLTransientConnectionException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            }
            finally {
                ((HikariDataSource) store).close();
            }
        }
    }

    /**
     * The pool holds ShardingSphere connections, which replay an isolation level set on
     * them on every shard connection they open later: whatever a borrower set, the pool
     * must hand the connection out again at the store's level, not at the one
     * ShardingSphere reports for a new connection (READ UNCOMMITTED).
     */
    @Test
    void aConnectionIsHandedOutAgainAtReadCommittedWhateverItsLastBorrowerSet() throws Exception {
        DataSource store = dataSource(yaml(3306, "connectionTimeout: 1000"), 1);
        try {
            assertThat(isolation(store)).isEqualTo("READ-COMMITTED");
            try (Connection connection = store.getConnection()) {
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }
            assertThat(isolation(store)).isEqualTo("READ-COMMITTED");
        }
        finally {
            ((HikariDataSource) store).close();
        }
    }

    @Test
    void aShardWithoutItsOwnConnectionTimeoutIsRefused() throws Exception {
        Path yaml = yaml(3306, "# no connectionTimeout");

        assertThatThrownBy(() -> dataSource(yaml, 1)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ds_0")
            .hasMessageContaining("connectionTimeout");
    }

    private static DataSource dataSource(Path yaml, int poolSize) {
        return ShardingConfig.dataSource(new DefaultResourceLoader(), "absolutepath:" + yaml, null, poolSize,
                Duration.ofSeconds(1), "sharding-config-it");
    }

    private Path yaml(int port, String timeoutLine) throws Exception {
        Path yaml = Files.createTempFile(this.dir, "sharding-", ".yaml");
        Files.writeString(yaml, """
                databaseName: sharding_config_it
                dataSources:
                  ds_0:
                    dataSourceClassName: com.zaxxer.hikari.HikariDataSource
                    driverClassName: org.mariadb.jdbc.Driver
                    jdbcUrl: jdbc:mariadb://127.0.0.1:%d/sharding_config_it?createDatabaseIfNotExist=true
                    username: root
                    password: ""
                    maximumPoolSize: 4
                    %s
                rules: []
                """.formatted(port, timeoutLine));
        return yaml;
    }

    private static int selectOne(DataSource store) throws SQLException {
        return Integer.parseInt(firstValue(store, "SELECT 1"));
    }

    private static String isolation(DataSource store) throws SQLException {
        return firstValue(store, "SELECT @@tx_isolation");
    }

    private static String firstValue(DataSource store, String query) throws SQLException {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static <T> T eventually(SqlCall<T> call) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            try {
                return call.get();
            }
            catch (SQLException ex) {
                if (System.nanoTime() > deadline) {
                    throw ex;
                }
                Thread.sleep(100);
            }
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {

        T get() throws SQLException;

    }

}
