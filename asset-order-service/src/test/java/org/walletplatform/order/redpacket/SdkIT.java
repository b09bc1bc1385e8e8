package org.walletplatform.order.redpacket;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.walletplatform.order.OrderApi;
import org.walletplatform.order.OrderServiceTest;
import org.walletplatform.sdk.Balance;
import org.walletplatform.sdk.RedPacketClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** The integrators' SDK against the real order service. */
@OrderServiceTest
class SdkIT {

    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 950;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldReadBalancesAndIncomeForceSettlementAndKnowIssuedRewards() throws Exception {
        long actId = RUN + 1;
        RedPacketClient client = RedPacketClient.builder(URI.create("http://127.0.0.1:" + this.port))
            .businessLine(OrderApi.LINE, "dev-secret-" + OrderApi.LINE)
            .timeout(Duration.ofSeconds(5))
            .balanceCacheTtl(Duration.ZERO)
            .build();
        OrderApi api = new OrderApi(this.port, this.json);
        MessageListenerContainer settler = this.listeners.getListenerContainer("redpacket-settler");
        settler.stop(); // the packet stays pending until forced
        Balance pending;
        Balance settled;
        String orderNo;
        try {
            orderNo = api.body(api.issueCash(actId, "it-cash", "sdk", 1_234)).get("orderNo").asString();
            pending = client.balance(actId);
            settled = client.settleNow(actId);
        }
        finally {
            settler.start();
        }

        assertThat(pending.balanceMinor()).isEqualTo(1_234);
        assertThat(pending.pendingMinor()).isEqualTo(1_234);
        assertThat(settled.settledMinor()).isEqualTo(1_234);
        assertThat(settled.pendingMinor()).isZero();
        assertThat(client.cumulativeIncome(actId)).isEqualTo(1_234);
        assertThat(client.rewardExists(orderNo)).isTrue();
        assertThat(client.rewardExists(actId + "_it-cash_nothing_cash_1")).isFalse();
    }

}
