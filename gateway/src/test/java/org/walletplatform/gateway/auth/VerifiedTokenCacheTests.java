package org.walletplatform.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private Instant expiry = NOW.plusSeconds(120);

    private final ReactiveJwtDecoder verifier = (token) -> {
        this.verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token)
            .header("alg", "RS256")
            .subject("42")
            .issuedAt(NOW)
            .expiresAt(this.expiry)
            .build());
    };

    @Test
    void verifiesATokenAndReadsItsRolesOnceWhileItIsValid() {
        AtomicInteger rolesRead = new AtomicInteger();
        RolesConverter roles = new RolesConverter("roles") {
            @Override
            JwtAuthenticationToken caller(Jwt jwt) {
                rolesRead.incrementAndGet();
                return super.caller(jwt);
            }
        };
        VerifiedTokenCache cache = new VerifiedTokenCache(this.verifier, roles, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(cache.caller("t1").block().getName()).isEqualTo("42");
        cache.decode("t1").block();
        assertThat(cache.verifiedCaller("t1")).isNotNull();
        cache.decode("t2").block();

        assertThat(this.verifications).hasValue(2);
        assertThat(rolesRead).hasValue(2);
    }

    @Test
    void verifiesAgainOnceTheTokenExpiredOrTheEntryAged() {
        AdjustableClock clock = new AdjustableClock(NOW);
        VerifiedTokenCache cache = new VerifiedTokenCache(this.verifier, new RolesConverter("roles"), clock);
        this.expiry = NOW.plusSeconds(30);
        cache.decode("short").block();
        clock.now = NOW.plusSeconds(31);
        cache.decode("short").block();
        assertThat(this.verifications).as("past the token's expiry").hasValue(2);

        this.expiry = NOW.plus(VerifiedTokenCache.MAX_AGE).plusSeconds(600);
        cache.decode("long").block();
        clock.now = NOW.plusSeconds(31).plus(VerifiedTokenCache.MAX_AGE).plusSeconds(1);
        cache.decode("long").block();
        assertThat(this.verifications).as("past the cache's own limit").hasValue(4);
    }

    @Test
    void neverRemembersARefusal() {
        VerifiedTokenCache cache = new VerifiedTokenCache(this.verifier, new RolesConverter("roles"),
                Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 2; i++) {
            assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> cache.decode("bad").block());
        }
        assertThat(this.verifications).hasValue(2);
    }

    private static final class AdjustableClock extends Clock {

        private Instant now;

        AdjustableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return this.now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

    }

}
