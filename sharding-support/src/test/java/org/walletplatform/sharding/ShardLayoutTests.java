package org.walletplatform.sharding;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShardLayoutTests {

    @Test
    void shouldLocateAnIdWhereIdShardingAlgorithmRoutesIt() {
        ShardLayout layout = ShardLayout.of(yaml(2, "CLASS_BASED"), "t");

        // database 7 % 2 = 1, table (7 / 2) % 2 = 1
        assertThat(layout.locate(7).toString()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/db_1 t_1");
        assertThat(layout.locate(8).toString()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/db_0 t_0");
        assertThat(layout.locations()).hasSize(4);
        assertThat(layout.shardingColumn()).isEqualTo("id");
        assertThat(ShardLayout.shardedTables(yaml(2, "CLASS_BASED"))).containsExactly("t");
    }

    @Test
    void shouldTellTheSamePhysicalTableByUrlWhateverTheDataSourceIsCalled() {
        ShardLayout two = ShardLayout.of(yaml(2, "CLASS_BASED"), "t");
        ShardLayout four = ShardLayout.of(yaml(4, "CLASS_BASED"), "t");

        assertThat(two.locate(4).sameAs(four.locate(8))).as("db_0 t_0 in both").isTrue();
        assertThat(two.locate(5).sameAs(four.locate(5))).as("db_1 t_0 against db_1 t_1").isFalse();
    }

    @Test
    void shouldRefuseALayoutItCannotCompute() {
        assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(yaml(2, "INLINE"), "t"))
            .withMessageContaining("only such layouts");
        assertThatIllegalArgumentException().isThrownBy(() -> ShardLayout.of(yaml(2, "CLASS_BASED"), "other"))
            .withMessageContaining("does not shard other");
    }

    private static ByteArrayResource yaml(int databases, String type) {
        StringBuilder yaml = new StringBuilder("databaseName: layout\ndataSources:\n");
        for (int i = 0; i < databases; i++) {
            yaml.append("  ds_")
                .append(i)
                .append(":\n    dataSourceClassName: com.zaxxer.hikari.HikariDataSource\n")
                .append("    jdbcUrl: jdbc:mariadb://127.0.0.1:3306/db_")
                .append(i)
                .append("?connectTimeout=2000\n    username: root\n    connectionTimeout: 2000\n");
        }
        yaml.append("rules:\n  - !SHARDING\n    tables:\n      t:\n        actualDataNodes: ds_${0..")
            .append(databases - 1)
            .append("}.t_${0..1}\n");
        for (String level : new String[] { "database", "table" }) {
            yaml.append("        ")
                .append(level)
                .append("Strategy:\n          standard:\n            shardingColumn: id\n")
                .append("            shardingAlgorithmName: by_")
                .append(level)
                .append("\n");
        }
        yaml.append("    shardingAlgorithms:\n");
        for (String level : new String[] { "database", "table" }) {
            yaml.append("      by_")
                .append(level)
                .append(":\n        type: ")
                .append(type)
                .append("\n        props:\n          algorithmClassName: ")
                .append(IdShardingAlgorithm.class.getName())
                .append("\n          level: ")
                .append(level)
                .append("\n          databases: ")
                .append(databases)
                .append("\n          tables: 2\n");
        }
        return new ByteArrayResource(yaml.toString().getBytes(StandardCharsets.UTF_8));
    }

}
