package org.walletplatform.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The identity provider of the end-to-end run: a fresh RS256 key pair whose public half
 * the gateway is started with, and tokens signed by it.
 */
final class DevTokens {

    private final KeyPair keys;

    private final Path publicKey;

    DevTokens(Path folder) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            Files.createDirectories(folder);
            this.publicKey = folder.resolve("jwt-public.pem");
            Files.writeString(this.publicKey,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder().encodeToString(this.keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    Path publicKey() {
        return this.publicKey;
    }

    String user(String subject) {
        return sign(subject, List.of());
    }

    String admin(String subject) {
        return sign(subject, List.of("admin"));
    }

    private String sign(String subject, List<String> roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
            .issuer("wallet-dev")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .claim("roles", roles)
            .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(this.keys.getPrivate()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
