package org.walletplatform.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway trusting an identity provider's JWK Set URL instead of one PEM key: tokens
 * signed by a key the set publishes pass, others are 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JwksIT {

    static final Tokens TOKENS = new Tokens();

    static final StubService PROVIDER_AND_SERVICE = new StubService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PROVIDER_AND_SERVICE.publishJwks(TOKENS.jwks());
        registry.add("gateway.auth.jwks-uri", () -> PROVIDER_AND_SERVICE.url() + "/.well-known/jwks.json");
        for (String service : List.of("wallet-read", "wallet-write", "sync-worker", "asset-order")) {
            registry.add("gateway.services." + service, PROVIDER_AND_SERVICE::url);
        }
        registry.add("management.server.port", () -> "0");
    }

    @AfterAll
    static void stop() {
        PROVIDER_AND_SERVICE.close();
    }

    @Test
    void acceptsTokensSignedWithAPublishedKeyOnly() throws Exception {
        assertThat(get(TOKENS.user("5")).statusCode()).isEqualTo(200);
        assertThat(PROVIDER_AND_SERVICE.last().path()).isEqualTo("/v1/wallet/5");
        assertThat(get(TOKENS.signedByAStranger("5")).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/wallet/me"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

}
