package org.walletplatform.model.caller;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerAssertionTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final String assertion = CallerAssertion.assertion(new Caller("42", false), NOW);

    private final String signature = CallerAssertion.sign("s1", "GET", "/v1/wallet/42", this.assertion);

    @Test
    void verifiesWhatTheGatewaySigned() {
        assertThat(CallerAssertion.verify(List.of("s0", "s1"), "GET", "/v1/wallet/42", this.assertion, this.signature,
                NOW.plusSeconds(59)))
            .contains(new Caller("42", false));
    }

    @Test
    void refusesAnotherPathMethodSecretOrAnAlteredAssertion() {
        assertThat(verify("GET", "/v1/wallet/43", this.assertion, List.of("s1"))).isEmpty();
        assertThat(verify("POST", "/v1/wallet/42", this.assertion, List.of("s1"))).isEmpty();
        assertThat(verify("GET", "/v1/wallet/42", this.assertion, List.of("s2"))).isEmpty();
        assertThat(verify("GET", "/v1/wallet/42", this.assertion.replace("admin=false", "admin=true"), List.of("s1")))
            .isEmpty();
    }

    @Test
    void refusesAStaleOrMalformedAssertion() {
        assertThat(CallerAssertion.verify(List.of("s1"), "GET", "/v1/wallet/42", this.assertion, this.signature,
                NOW.plusSeconds(61)))
            .isEmpty();
        String odd = "sub=42;admin=false;ts=" + NOW.getEpochSecond() + ";x=1";
        assertThat(CallerAssertion.verify(List.of("s1"), "GET", "/p", odd, CallerAssertion.sign("s1", "GET", "/p", odd),
                NOW))
            .isEmpty();
        assertThat(CallerAssertion.verify(List.of("s1"), "GET", "/p", null, null, NOW)).isEmpty();
    }

    @Test
    void aCallerMayActForThemselvesAndAnAdminForAnyone() {
        assertThat(new Caller("42", false).mayActFor("42")).isTrue();
        assertThat(new Caller("42", false).mayActFor("43")).isFalse();
        assertThat(new Caller("ops", true).mayActFor("43")).isTrue();
    }

    private Optional<Caller> verify(String method, String path, String assertion, List<String> secrets) {
        return CallerAssertion.verify(secrets, method, path, assertion, this.signature, NOW);
    }

}
