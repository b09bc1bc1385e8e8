package org.walletplatform.support.caller;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerCheckTests {

    /** The regular expression the scan replaced, as the reference. */
    private static final Pattern OWNED = Pattern.compile("^/v1/(?:wallet|accounts)/([^/]+)(?:/.*)?$");

    @Test
    void findsTheOwnerOfAPathExactlyAsTheRegularExpressionItReplaced() {
        List<String> paths = List.of("/v1/wallet/42", "/v1/wallet/42/", "/v1/wallet/42/home",
                "/v1/wallet/42/lines/cash/details", "/v1/accounts/7/balance", "/v1/accounts/7", "/v1/wallet/",
                "/v1/wallet", "/v1/wallet//x", "/v1/accounts/", "/v1/accountsx/7", "/v1/walletx/7", "/v1/withdrawals",
                "/admin/reconciliation", "/v2/wallet/42", "/v1/wallet/%34%32", "/v1/wallet/me/home", "/", "");
        for (String path : paths) {
            Matcher reference = OWNED.matcher(path);
            assertThat(CallerCheck.ownerOf(path)).as(path).isEqualTo(reference.matches() ? reference.group(1) : null);
        }
        assertThat(paths.stream().filter((path) -> OWNED.matcher(path).matches())).hasSize(8);
    }

}
