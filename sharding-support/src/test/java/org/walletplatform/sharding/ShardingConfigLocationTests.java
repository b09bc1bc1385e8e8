package org.walletplatform.sharding;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Where a sharding config may live: only where ShardingSphere's driver can load it from
 * as well, so a wrong location stops the service at start rather than failing every
 * connection later.
 */
class ShardingConfigLocationTests {

    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    @Test
    void shouldReadTheLocationsShardingSphereKnows() {
        assertThat(ShardingConfig.resource(this.resources, "classpath:sharding.yaml").getDescription())
            .contains("sharding.yaml");
        assertThat(ShardingConfig.resource(this.resources, "absolutepath:/etc/wallet/sharding.yaml"))
            .isEqualTo(new FileSystemResource("/etc/wallet/sharding.yaml"));
    }

    @Test
    void shouldRefuseALocationShardingSphereCannotLoad() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ShardingConfig.resource(this.resources, "file:/etc/wallet/sharding.yaml"))
            .withMessageContaining("classpath: or absolutepath:");
    }

}
