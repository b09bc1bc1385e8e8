package org.walletplatform.gateway.auth;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which app tokens the gateway accepts: RS256 JWTs from {@code issuer}, verified with the
 * keys at {@code jwksUri} (an identity provider's JWKS, keys rotate there) or, when no
 * JWKS is configured, with the one PEM public key at {@code publicKey} (the development
 * key {@code ./wallet token} signs with).
 *
 * @param issuer the required {@code iss} claim
 * @param jwksUri the issuer's JWK Set URL, if it publishes one
 * @param publicKey a PEM RSA public key, used when {@code jwksUri} is not set
 * @param rolesClaim the claim listing the caller's roles ({@code admin} is the one that
 * matters here)
 */
@ConfigurationProperties("gateway.auth")
record AuthProperties(@DefaultValue("wallet-dev") String issuer, URI jwksUri, Resource publicKey,
        @DefaultValue("roles") String rolesClaim) {
}
