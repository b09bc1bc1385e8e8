package org.walletplatform.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints RS256 tokens for the gateway tests with a key pair of their own; the public half
 * is written as PEM for the gateway to trust.
 */
final class Tokens {

    static final String ISSUER = "wallet-dev";

    static final String KEY_ID = "k1";

    private final KeyPair keys;

    private final KeyPair stranger;

    Tokens() {
        this.keys = generate();
        this.stranger = generate();
    }

    /** The public key as a JWK Set, as an identity provider publishes it. */
    String jwks() {
        return new com.nimbusds.jose.jwk.JWKSet(
                new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey) this.keys.getPublic())
                    .keyID(KEY_ID)
                    .build())
            .toString();
    }

    Path writePublicKey() throws IOException {
        Path pem = Files.createTempFile("gateway-test-jwt", ".pem");
        Files.writeString(pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(this.keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        pem.toFile().deleteOnExit();
        return pem;
    }

    String user(String subject) {
        return sign(this.keys, claims(subject, List.of(), ISSUER, Instant.now().plusSeconds(300)));
    }

    String admin(String subject) {
        return sign(this.keys, claims(subject, List.of("admin"), ISSUER, Instant.now().plusSeconds(300)));
    }

    String expired(String subject) {
        return sign(this.keys, claims(subject, List.of(), ISSUER, Instant.now().minusSeconds(120)));
    }

    String otherIssuer(String subject) {
        return sign(this.keys, claims(subject, List.of(), "someone-else", Instant.now().plusSeconds(300)));
    }

    String withoutExpiry(String subject) {
        return sign(this.keys, claims(subject, List.of(), ISSUER, null));
    }

    String signedByAStranger(String subject) {
        return sign(this.stranger, claims(subject, List.of("admin"), ISSUER, Instant.now().plusSeconds(300)));
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, String issuer, Instant expiry) {
        return new JWTClaimsSet.Builder().subject(subject)
            .issuer(issuer)
            .issueTime(new Date())
            .expirationTime((expiry != null) ? Date.from(expiry) : null)
            .claim("roles", roles)
            .build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
