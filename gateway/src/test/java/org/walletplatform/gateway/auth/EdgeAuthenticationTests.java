package org.walletplatform.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeAuthenticationTests {

    @Test
    void takesTheTokenOfAWellFormedBearerValue() {
        assertThat(EdgeAuthentication.bearerToken("Bearer abc.DEF-_~+/9")).isEqualTo("abc.DEF-_~+/9");
        assertThat(EdgeAuthentication.bearerToken("bearer abc==")).isEqualTo("abc==");
    }

    @Test
    void refusesWhatRfc6750DoesNotAllow() {
        for (String value : new String[] { "Bearer", "Bearer ", "Bearer  abc", "Bearer ==", "Bearer a=b",
                "Bearer abc def", "Bearer abc\u00e9", "Bearer abc,", "Basic abc", "Bearerabc" }) {
            assertThat(EdgeAuthentication.bearerToken(value)).as(value).isNull();
        }
    }

}
