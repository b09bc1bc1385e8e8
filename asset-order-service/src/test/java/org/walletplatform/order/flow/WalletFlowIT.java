package org.walletplatform.order.flow;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.walletplatform.model.redpacket.C2cFlowContract.C2cItem;
import org.walletplatform.order.ExternalSystemsTest;
import org.walletplatform.order.OrderApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wallet flow page over three sources (settled packets and withdrawals in the sharded
 * ledger, C2C packets from a stub of the C2C service): one order newest first across
 * pages, stable while new entries arrive, and partial when the C2C service is down.
 */
class WalletFlowIT extends ExternalSystemsTest {

    private static final long RUN = System.currentTimeMillis() % 1_000_000_000L * 1_000 + 800;

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    private OrderApi api;

    @BeforeEach
    void api() {
        this.api = new OrderApi(this.port, this.json);
    }

    @Test
    void shouldPageThroughAllSourcesNewestFirstStablyWhileNewEntriesArrive() throws Exception {
        long actId = RUN + 1;
        long now = System.currentTimeMillis();
        for (int i = 0; i < 12; i++) {
            issue(actId, "f" + i, 1_000 + i);
            // two C2C items at the very same millisecond: the id decides between them
            C2C.add(actId, new C2cItem("c2c-" + i + "-a", now - i * 1_000, 10 + i, "received", "act-9"));
            C2C.add(actId, new C2cItem("c2c-" + i + "-b", now - i * 1_000, 20 + i, "sent", "act-9"));
        }
        await().until(() -> balance(actId).get("pendingMinor").asLong() == 0);
        for (int i = 0; i < 5; i++) {
            assertThat(withdraw(actId, "w" + i, 100).statusCode()).isEqualTo(201);
        }
        List<JsonNode> everything = pages(actId, 100, null);
        assertThat(everything).hasSize(12 + 24 + 5);

        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            JsonNode answer = this.api.body(this.api
                .get("/v1/accounts/" + actId + "/flow?limit=7" + ((cursor != null) ? "&cursor=" + cursor : "")));
            assertThat(answer.get("partial").asBoolean()).isFalse();
            answer.get("items").forEach(paged::add);
            cursor = answer.get("nextCursor").isNull() ? null : answer.get("nextCursor").asString();
            // meanwhile, new entries arrive in every source
            issue(actId, "new" + page, 5);
            C2C.add(actId, new C2cItem("c2c-new-" + page, System.currentTimeMillis(), 7, "received", "act-9"));
            withdraw(actId, "new" + page, 1);
            page++;
        }
        while (cursor != null);

        assertThat(ids(paged)).as("the same items in the same order, none twice, none missing")
            .containsExactlyElementsOf(ids(everything));
        for (int i = 1; i < everything.size(); i++) {
            assertThat(everything.get(i - 1).get("atMs").asLong())
                .isGreaterThanOrEqualTo(everything.get(i).get("atMs").asLong());
        }
        Set<String> sources = new HashSet<>();
        everything.forEach((item) -> sources.add(item.get("source").asString()));
        assertThat(sources).containsExactlyInAnyOrder("settlement", "withdrawal", "c2c");
    }

    @Test
    void shouldAnswerTheOtherSourcesMarkedPartialWhenTheC2cServiceIsDown() throws Exception {
        long actId = RUN + 2;
        issue(actId, "p", 500);
        C2C.add(actId, new C2cItem("c2c-x", System.currentTimeMillis(), 10, "received", "act-9"));
        await().until(() -> balance(actId).get("pendingMinor").asLong() == 0);
        C2C.down(true);
        try {
            JsonNode answer = this.api.body(this.api.get("/v1/accounts/" + actId + "/flow"));

            assertThat(answer.get("partial").asBoolean()).isTrue();
            assertThat(answer.get("unavailable").get(0).asString()).isEqualTo("c2c");
            assertThat(answer.get("items")).hasSize(1);
            assertThat(answer.get("items").get(0).get("source").asString()).isEqualTo("settlement");
        }
        finally {
            C2C.down(false);
        }
        assertThat(this.api.body(this.api.get("/v1/accounts/" + actId + "/flow")).get("items")).hasSize(2);
    }

    @Test
    void shouldRefuseACursorItDidNotHandOut() throws Exception {
        HttpResponse<String> answer = this.api.get("/v1/accounts/" + (RUN + 3) + "/flow?cursor=bm90LWEtY3Vyc29y");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(this.api.problemType(answer)).endsWith("/invalid-cursor");
    }

    private List<JsonNode> pages(long actId, int limit, String from) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = from;
        do {
            JsonNode answer = this.api.body(this.api
                .get("/v1/accounts/" + actId + "/flow?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : "")));
            answer.get("items").forEach(items::add);
            cursor = answer.get("nextCursor").isNull() ? null : answer.get("nextCursor").asString();
        }
        while (cursor != null);
        return items;
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map((item) -> item.get("source").asString() + "/" + item.get("id").asString()).toList();
    }

    private void issue(long actId, String rain, long amount) throws Exception {
        HttpResponse<String> issued = this.api.issueCash(actId, "wd-cash", rain, amount);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    private HttpResponse<String> withdraw(long actId, String no, long amount) throws Exception {
        return this.api.withdraw(actId, no, amount);
    }

    private JsonNode balance(long actId) throws Exception {
        return this.api.balance(actId);
    }

}
