package org.walletplatform.model.caller;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** The regular expression the scan replaced, as the reference. */
    private static final Pattern SHAPE = Pattern
        .compile("^sub=([A-Za-z0-9_.@-]{1,64});admin=(true|false);ts=(\\d{1,12})$");

    @Test
    void readsAssertionsExactlyAsTheRegularExpressionItReplaced() {
        String longest = "a".repeat(64);
        List<String> cases = Stream.of("sub=42;admin=false;ts=1764000000", "sub=ops@corp.example;admin=true;ts=1",
                "sub=a-b_c.d;admin=true;ts=0", "sub=" + longest + ";admin=false;ts=123456789012",
                "sub=" + longest + "a;admin=false;ts=1", "sub=42;admin=false;ts=1234567890123", "sub=;admin=false;ts=1",
                "sub=42;admin=False;ts=1", "sub=42;admin=yes;ts=1", "sub=42;admin=false;ts=",
                "sub=42;admin=false;ts=1x", "sub=42;admin=false;ts=-1", "sub=42;admin=false;ts=1;x=2",
                "sub=42;admin=false", "sub=42", "sub=4 2;admin=false;ts=1", "sub=42;;admin=false;ts=1",
                "sub=4;2;admin=false;ts=1", "Sub=42;admin=false;ts=1", " sub=42;admin=false;ts=1",
                "sub=42;admin=false;ts=1\n", "sub=42;admin=false;ts=1 ", "sub=4\u00e92;admin=false;ts=1",
                "sub=42;admin=truefalse;ts=1", "sub=42;admin=true;ts=\u0661", "", ";", "sub=")
            .toList();
        for (String text : cases) {
            Matcher reference = SHAPE.matcher(text);
            CallerAssertion.Parts parts = CallerAssertion.Parts.of(text);
            if (!reference.matches()) {
                assertThat(parts).as(text).isNull();
                continue;
            }
            assertThat(parts).as(text)
                .isEqualTo(new CallerAssertion.Parts(
                        new Caller(reference.group(1), Boolean.parseBoolean(reference.group(2))),
                        Long.parseLong(reference.group(3))));
        }
        assertThat(cases.stream().filter((text) -> SHAPE.matcher(text).matches())).hasSize(4);
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
