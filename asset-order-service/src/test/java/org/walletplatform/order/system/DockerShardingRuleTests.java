package org.walletplatform.order.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose profile's sharding file (deploy/compose) is a copy of the default one with
 * only the database host changed, so a change to the rule cannot miss the containers.
 */
class DockerShardingRuleTests {

    @Test
    void shouldBeTheDefaultRuleAgainstTheMariadbContainer() throws IOException {
        assertThat(rule("order-sharding-docker.yaml"))
            .isEqualTo(rule("order-sharding-default.yaml").replace("127.0.0.1", "mariadb"));
    }

    private static String rule(String file) throws IOException {
        return new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8)
            .lines()
            .filter((line) -> !line.startsWith("#"))
            .collect(Collectors.joining("\n"));
    }

}
