package org.walletplatform.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers tokens already verified, and the caller each speaks for, so an app sending
 * the same token on every request pays for the RSA signature check, the JSON parsing and
 * reading the roles once. The cache key is the whole token, so a hit is the very bytes
 * that were verified; an entry lives until the token expires or for {@link #MAX_AGE},
 * whichever is sooner (a key withdrawn from the JWKS stops being honoured within that
 * time). At {@link #MAX_ENTRIES} the cache starts over.
 */
class VerifiedTokenCache implements ReactiveJwtDecoder {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    static final int MAX_ENTRIES = 100_000;

    private final ReactiveJwtDecoder decoder;

    private final RolesConverter roles;

    private final Clock clock;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(ReactiveJwtDecoder decoder, RolesConverter roles, Clock clock) {
        this.decoder = decoder;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return caller(token).map(JwtAuthenticationToken::getToken);
    }

    /**
     * The caller a token speaks for: remembered, or verified now (and its roles read) and
     * remembered.
     */
    Mono<JwtAuthenticationToken> caller(String token) {
        Verified hit = fresh(token);
        if (hit != null) {
            return Mono.just(hit.caller());
        }
        Instant now = this.clock.instant();
        return this.decoder.decode(token).map((jwt) -> remember(token, jwt, now).caller());
    }

    /**
     * The caller these very characters were verified as, while that still holds; null
     * when they must be decoded.
     */
    JwtAuthenticationToken verifiedCaller(String token) {
        Verified hit = fresh(token);
        return (hit != null) ? hit.caller() : null;
    }

    private Verified fresh(String token) {
        Verified hit = this.verified.get(token);
        return (hit != null && this.clock.instant().isBefore(hit.until())) ? hit : null;
    }

    private Verified remember(String token, Jwt jwt, Instant now) {
        if (this.verified.size() >= MAX_ENTRIES) {
            this.verified.clear();
        }
        Instant until = now.plus(MAX_AGE);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        Verified entry = new Verified(this.roles.caller(jwt), until);
        this.verified.put(token, entry);
        return entry;
    }

    private record Verified(JwtAuthenticationToken caller, Instant until) {
    }

}
