package org.walletplatform.order.delivery;

import org.walletplatform.order.OrderApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery of non-cash rewards to a downstream on a real port, orders on real sharded
 * MariaDB: failures retried until delivered once, an unknown outcome resolved by the
 * janitor, a refusal marked failed, and cash issuance never waiting on a hanging
 * downstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "order.scenes.dl-coupon.award-type=coupon", "order.scenes.dl-coupon.budget-minor=100000000",
                "order.scenes.dl-coupon.per-transaction-limit-minor=1000", "order.scenes.dl-cash.award-type=cash",
                "order.scenes.dl-cash.budget-minor=100000000", "order.scenes.dl-cash.per-transaction-limit-minor=1000",
                "order.scenes.dl-voucher.award-type=voucher", "order.scenes.dl-voucher.budget-minor=100000000",
                "order.scenes.dl-voucher.per-transaction-limit-minor=1000", "order.scenes.dl-item.award-type=item",
                "order.scenes.dl-item.budget-minor=100000000", "order.scenes.dl-item.per-transaction-limit-minor=1000",
                "order.activities.dl-testing.phases[0].name=test",
                "order.activities.dl-testing.phases[0].from=2020-01-01T00:00:00Z",
                "order.activities.dl-testing.phases[0].to=2100-01-01T00:00:00Z",
                "resilience4j.bulkhead.configs.downstream.max-concurrent-calls=2" })
@ActiveProfiles("test")
class RewardDeliveryIT {

    private static final StubDownstream COUPONS = new StubDownstream();

    private static final StubDownstream VOUCHERS = new StubDownstream();

    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 500;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("order.delivery.downstreams.coupon", COUPONS::url);
        registry.add("order.delivery.downstreams.voucher", VOUCHERS::url);
        registry.add("order.delivery.downstreams.item", COUPONS::url);
    }

    @AfterAll
    static void stop() {
        COUPONS.close();
        VOUCHERS.close();
    }

    @Test
    void shouldRetryAFailingDownstreamAndDeliverOnce() throws Exception {
        String orderNo = (RUN + 1) + "_dl-coupon_r_coupon_1";
        COUPONS.behave(orderNo, StubDownstream.Behaviour.FAIL_TWICE);

        assertThat(issue(RUN + 1, "dl-coupon", "coupon").statusCode()).isEqualTo(201);

        awaitState(orderNo, "delivered");
        assertThat(COUPONS.puts(orderNo)).isEqualTo(3);
        assertThat(COUPONS.applications(orderNo)).isEqualTo(1);
    }

    @Test
    void shouldResolveAnUnknownOutcomeByAskingTheDownstream() throws Exception {
        String orderNo = (RUN + 2) + "_dl-coupon_r_coupon_1";
        COUPONS.behave(orderNo, StubDownstream.Behaviour.LOST_REPLY);

        assertThat(issue(RUN + 2, "dl-coupon", "coupon").statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).until(() -> COUPONS.puts(orderNo) == 3);
        awaitState(orderNo, "delivering"); // after the retries the outcome is unknown
        awaitState(orderNo, "delivered");
        assertThat(COUPONS.puts(orderNo)).as("the janitor asked, it did not deliver again").isEqualTo(3);
        assertThat(COUPONS.applications(orderNo)).isEqualTo(1);
    }

    @Test
    void shouldMarkARefusedDeliveryFailed() throws Exception {
        String orderNo = (RUN + 3) + "_dl-coupon_r_coupon_1";
        COUPONS.behave(orderNo, StubDownstream.Behaviour.REFUSE);

        issue(RUN + 3, "dl-coupon", "coupon");

        awaitState(orderNo, "failed");
        assertThat(COUPONS.puts(orderNo)).isEqualTo(1);
    }

    @Test
    void shouldIssueCashAndDeliverCouponsWhileTheVoucherDownstreamHangs() throws Exception {
        for (int i = 0; i < 4; i++) {
            String orderNo = (RUN + 10 + i) + "_dl-voucher_r_voucher_1";
            VOUCHERS.behave(orderNo, StubDownstream.Behaviour.HANG);
            assertThat(issue(RUN + 10 + i, "dl-voucher", "voucher").statusCode()).isEqualTo(201);
        }

        HttpResponse<String> cash = issue(RUN + 20, "dl-cash", "cash");
        issue(RUN + 21, "dl-coupon", "coupon");

        assertThat(cash.statusCode()).isEqualTo(201);
        assertThat(state((RUN + 20) + "_dl-cash_r_cash_1")).isEqualTo("accepted");
        awaitState((RUN + 21) + "_dl-coupon_r_coupon_1", "delivered");
        assertThat(state((RUN + 10) + "_dl-voucher_r_voucher_1")).isIn("accepted", "delivering");
        for (int i = 0; i < 4; i++) {
            VOUCHERS.behave((RUN + 10 + i) + "_dl-voucher_r_voucher_1", StubDownstream.Behaviour.OK);
        }
        awaitState((RUN + 10) + "_dl-voucher_r_voucher_1", "delivered");
    }

    @Test
    void shouldHoldDeliveriesWhileTheirDownstreamIsSwitchedOffAndDeliverWhenOn() throws Exception {
        String orderNo = (RUN + 30) + "_dl-item_r_item_1";
        assertThat(setSwitch("delivery.item", false).statusCode()).isEqualTo(200);
        try {
            assertThat(issue(RUN + 30, "dl-item", "item").statusCode()).isEqualTo(201);
            Thread.sleep(3_000); // past stuck-after (2 s): the janitor has looked at it
                                 // too

            assertThat(state(orderNo)).isEqualTo("accepted");
            assertThat(COUPONS.puts(orderNo)).isZero();
            JsonNode listed = this.json.readTree(
                    this.http
                        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/admin/switches"))
                            .build(), HttpResponse.BodyHandlers.ofString())
                        .body());
            assertThat(listed.get("delivery.item").get("on").asBoolean()).isFalse();
            assertThat(listed.get("delivery.coupon").get("on").asBoolean()).isTrue();
        }
        finally {
            setSwitch("delivery.item", true);
        }
        awaitState(orderNo, "delivered");
        assertThat(COUPONS.applications(orderNo)).isEqualTo(1);
    }

    @Test
    void shouldNeverDeliverATestPhaseOrder() throws Exception {
        String orderNo = (RUN + 40) + "_dl-coupon_r_coupon_1";

        HttpResponse<String> issued = issue(RUN + 40, "dl-coupon", "coupon", "dl-testing");
        Thread.sleep(3_000); // past stuck-after (2 s): the janitor has looked too

        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(state(orderNo)).isEqualTo("accepted");
        assertThat(COUPONS.puts(orderNo)).isZero();
    }

    private HttpResponse<String> setSwitch(String name, boolean on) throws Exception {
        return this.http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/admin/switches/" + name))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"on\":" + on + ",\"reason\":\"test\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitState(String orderNo, String state) {
        await().atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> state.equals(state(orderNo)));
    }

    private String state(String orderNo) throws Exception {
        String path = "/v1/rewards/" + orderNo;
        HttpResponse<String> response = this.http.send(
                OrderApi
                    .signed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)), "GET", path,
                            OrderApi.LINE, "")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode order = this.json.readTree(response.body());
        return order.get("state").asString();
    }

    private HttpResponse<String> issue(long actId, String scene, String awardType) throws Exception {
        return issue(actId, scene, awardType, "gala");
    }

    private HttpResponse<String> issue(long actId, String scene, String awardType, String activity) throws Exception {
        String body = "{\"actId\":" + actId + ",\"activityId\":\"" + activity + "\",\"sceneId\":\"" + scene
                + "\",\"rainId\":\"r\",\"awardType\":\"" + awardType + "\",\"stage\":1,\"amountMinor\":10}";
        return this.http.send(OrderApi
            .signed(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/rewards")), "POST",
                    "/v1/rewards", OrderApi.LINE, body)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
