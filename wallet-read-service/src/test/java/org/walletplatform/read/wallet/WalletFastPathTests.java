package org.walletplatform.read.wallet;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalletFastPathTests {

    /** The regular expression the scan replaced, as the reference. */
    private static final Pattern PLAIN = Pattern.compile("^/v1/wallet/([1-9][0-9]{0,17})$");

    @Test
    void takesThePathsTheRegularExpressionItReplacedTook() {
        List<String> uris = List.of("/v1/wallet/1", "/v1/wallet/42", "/v1/wallet/999999999999999999",
                "/v1/wallet/1000000000000000000", "/v1/wallet/0", "/v1/wallet/042", "/v1/wallet/", "/v1/wallet",
                "/v1/wallet/-1", "/v1/wallet/4x", "/v1/wallet/42/", "/v1/wallet/42/home", "/v1/wallet/me",
                "/v1/wallet/%34", "/v2/wallet/42", "/v1/wallet/\u0664\u0662", "/v1/wallet/42 ", "");
        for (String uri : uris) {
            Matcher reference = PLAIN.matcher(uri);
            assertThat(WalletFastPath.plainId(uri)).as(uri)
                .isEqualTo(reference.matches() ? Long.parseLong(reference.group(1)) : -1);
        }
        assertThat(uris.stream().filter((uri) -> PLAIN.matcher(uri).matches())).hasSize(3);
    }

    @Test
    void answersOnlyClientsThatTakeJson() {
        assertThat(WalletFastPath.takesJson(null)).isTrue();
        for (String accept : List.of("*/*", "application/json", "application/*", "application/json, text/plain, */*",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/problem+json, */*")) {
            assertThat(WalletFastPath.takesJson(accept)).as(accept).isTrue();
        }
        for (String accept : List.of("application/xml", "text/plain", "application/yaml",
                "application/xml, application/json;q=0", "*/*;q=0", "not a media type;;")) {
            assertThat(WalletFastPath.takesJson(accept)).as(accept).isFalse();
        }
    }

}
