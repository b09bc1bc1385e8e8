package org.walletplatform.write.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.walletplatform.support.configrelease.ReleaseKeys;
import org.walletplatform.support.configrelease.ReleaseState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the configuration admin's tests share: one running write service on the real MySQL
 * mirror and Redis, nothing released before and after each class, and HTTP helpers.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConfigAdminIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected ReleasePublisher publisher;

    @Autowired
    protected DataSource dataSource;

    @Value("${spring.datasource.url}")
    protected String mirrorUrl;

    @BeforeEach
    @AfterAll
    void startWithNothingReleased() {
        for (String table : List.of("config_state", "config_version", "config_change")) {
            this.jdbc.sql("DELETE FROM " + table).update();
        }
        for (String name : ReleaseKeys.NAMES) {
            this.redis.delete(List.of(ReleaseKeys.state(name), ReleaseKeys.revision(name)));
        }
    }

    protected ReleaseState mirrored() {
        return mirroredState("display");
    }

    protected ReleaseState mirroredState(String name) {
        return this.json.readValue(
                this.jdbc.sql("SELECT state FROM config_state WHERE name = ?").param(name).query(String.class).single(),
                ReleaseState.class);
    }

    protected void assertField(HttpResponse<String> response, String field) {
        assertThat(problem(response, 400)).isEqualTo("validation");
        assertThat(response.body()).contains(field);
    }

    protected String problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String type = this.json.readTree(response.body()).get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    protected static List<Long> longs(JsonNode array) {
        return array.valueStream().map(JsonNode::asLong).toList();
    }

    static String release(long revision, String firstSlotName, List<Long> whitelist) {
        return """
                {"revision":%d,"config":{"totalKinds":["cash","cashback"],"slots":[
                {"businessLine":"cash","kind":"cash","name":"%s","icon":"https://i/b.png","link":"wallet://lines/cash","measure":"sum","unit":"CNY"},
                {"businessLine":"cashback","kind":"cashback","name":"Cashback","icon":"https://i/c.png","link":"wallet://lines/cashback","measure":"sum","unit":"CNY"},
                {"businessLine":"coupons","kind":"coupon","name":"Coupons","icon":"https://i/d.png","link":"wallet://lines/coupons","measure":"count","unit":"CNY"},
                {"businessLine":"coins","kind":"virtual-currency","name":"Coins","icon":"https://i/e.png","link":"wallet://lines/coins","measure":"sum","unit":"COIN"}]}%s}
                """
            .formatted(revision, firstSlotName, (whitelist != null) ? ",\"whitelist\":" + whitelist : "");
    }

    protected JsonNode get(String path) throws Exception {
        return this.json.readTree(send(HttpRequest.newBuilder(uri(path)).GET()).body());
    }

    protected HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.http.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

}
