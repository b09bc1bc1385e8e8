package org.walletplatform.order.redpacket;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.ProblemTypes;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.testing.OnRedisCluster;
import org.walletplatform.testing.SlotMigration;
import org.walletplatform.testing.TestRedisCluster;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An account's pending shard moves to another master of the Cluster while packets are
 * issued to it. Issuance records a packet in one script over several keys of the shard's
 * slot; half moved, Redis answers that with TRYAGAIN, and the request is a 503 with
 * {@code Retry-After} that recorded nothing (it was a 500). Once moved, the same request
 * issues the packet.
 */
@OrderServiceTest
@OnRedisCluster
class RedPacketSlotMigrationIT {

    private final long run = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 800;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private RedPacketKeys keys;

    @Test
    void shouldAnswer503WhileTheAccountsShardIsHalfMovedAndIssueOnceItMoved() throws Exception {
        OrderApi api = new OrderApi(this.port, this.json);
        long actId = this.run + 1;
        assertThat(api.issueCash(actId, "it-cash", "before", 100).statusCode()).isEqualTo(201);
        // settled first: settlement's script spans the shard's keys too
        await().atMost(Duration.ofSeconds(30)).until(() -> api.balance(actId).get("pendingMinor").asLong() == 0);
        String pending = this.keys.pending(actId);

        HttpResponse<String> halfway;
        try (SlotMigration migration = SlotMigration.begin(TestRedisCluster.nodes(), SlotHash.getSlot(pending))) {
            migration.move(pending); // the account's hash and records stay behind for now
            halfway = api.issueCash(actId, "it-cash", "during", 200);
            assertThat(api.balance(actId).get("balanceMinor").asLong()).as("nothing recorded").isEqualTo(100);
            migration.finish();
        }

        assertThat(halfway.statusCode()).as(halfway.body()).isEqualTo(503);
        assertThat(halfway.headers().firstValue("Retry-After")).contains("1");
        assertThat(api.problemType(halfway)).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE.toString());
        HttpResponse<String> retried = api.issueCash(actId, "it-cash", "during", 200);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(api.balance(actId).get("balanceMinor").asLong()).isEqualTo(300);
    }

}
