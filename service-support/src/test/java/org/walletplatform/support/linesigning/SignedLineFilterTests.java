package org.walletplatform.support.linesigning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.walletplatform.model.signing.RequestSignature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Which secrets the filter takes, and how it reads the body it checks them over. */
class SignedLineFilterTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private static final String SECRET = "dev-secret-gala";

    /** The line's second active secret, as while a secret is rotated. */
    private static final String NEXT_SECRET = "next-secret-gala";

    private final RequestNonces nonces = mock(RequestNonces.class);

    private final SignedLineFilter filter = new SignedLineFilter(
            new SignedLinesProperties(Map.of("gala", List.of(SECRET, NEXT_SECRET)), List.of("/v1/"),
                    DataSize.ofBytes(1024), List.of()),
            this.nonces, JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

    private final MockFilterChain chain = new MockFilterChain();

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @ParameterizedTest(name = "length declared: {0}")
    @ValueSource(booleans = { true, false })
    void shouldHandOnTheExactBody(boolean lengthDeclared) throws Exception {
        given(this.nonces.firstUse(anyString())).willReturn(true);
        String body = "{\"actId\":42,\"pad\":\"" + "x".repeat(900) + "\"}";

        this.filter.doFilter(signed(body, lengthDeclared), this.response, this.chain);

        assertThat(this.response.getStatus()).isEqualTo(200);
        ServletRequest handed = this.chain.getRequest();
        assertThat(StreamUtils.copyToString(handed.getInputStream(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest(name = "length declared: {0}")
    @ValueSource(booleans = { true, false })
    void shouldRefuseABodyOverTheLimit(boolean lengthDeclared) throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(1024) + "\"}";

        this.filter.doFilter(signed(body, lengthDeclared), this.response, this.chain);

        assertThat(this.response.getStatus()).isEqualTo(413);
        assertThat(this.chain.getRequest()).as("not handed on").isNull();
    }

    @ParameterizedTest(name = "signed with {0}")
    @ValueSource(strings = { SECRET, NEXT_SECRET, "not-a-secret-of-gala" })
    void shouldTakeACallSignedWithEitherActiveSecretOfItsLine(String secret) throws Exception {
        given(this.nonces.firstUse(anyString())).willReturn(true);

        this.filter.doFilter(signed("{}", true, secret), this.response, this.chain);

        boolean active = !secret.startsWith("not-");
        assertThat(this.response.getStatus()).isEqualTo(active ? 200 : 401);
        assertThat(this.chain.getRequest() != null).as("handed on").isEqualTo(active);
    }

    private static MockHttpServletRequest signed(String body, boolean lengthDeclared) {
        return signed(body, lengthDeclared, SECRET);
    }

    private static MockHttpServletRequest signed(String body, boolean lengthDeclared, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = lengthDeclared ? new MockHttpServletRequest("POST", "/v1/rewards")
                : new ChunkedRequest();
        request.setContent(bytes);
        String nonce = "nonce-0123456789abcdef";
        long timestamp = NOW.getEpochSecond();
        request.addHeader(RequestSignature.LINE, "gala");
        request.addHeader(RequestSignature.TIMESTAMP, Long.toString(timestamp));
        request.addHeader(RequestSignature.NONCE, nonce);
        request.addHeader(RequestSignature.SIGNATURE,
                RequestSignature.sign(secret, "POST", "/v1/rewards", timestamp, nonce, bytes));
        return request;
    }

    /** A body sent in chunks: no length declared up front. */
    private static final class ChunkedRequest extends MockHttpServletRequest {

        ChunkedRequest() {
            super("POST", "/v1/rewards");
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

    }

}
