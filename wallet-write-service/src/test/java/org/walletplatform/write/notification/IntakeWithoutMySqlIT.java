package org.walletplatform.write.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL holds only the configuration releases: with it unreachable from the start, the
 * write service still starts, reports itself healthy and takes notifications, while the
 * configuration admin answers 503 to retry.
 */
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:mariadb://127.0.0.1:1/wallet_test_config?connectTimeout=500")
class IntakeWithoutMySqlIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void shouldTakeNotificationsAndAnswerTheConfigAdmin503WhileMySqlIsDown() throws Exception {
        HttpResponse<String> pushed = this.http.send(
                SignedRequests.signed(uri("/v1/notifications"), "coins", "dev-secret-coins",
                        "{\"userId\":9101,\"businessLine\":\"coins\",\"version\":3}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> config = get("/admin/config/display");

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        assertThat(config.statusCode()).as(config.body()).isEqualTo(503);
        assertThat(config.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(config.body()).contains("/problems/service-unavailable");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

}
