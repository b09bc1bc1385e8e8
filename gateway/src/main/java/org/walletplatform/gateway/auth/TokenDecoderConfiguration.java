package org.walletplatform.gateway.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The JWT decoder: signature by the configured keys, the issuer, an expiry that must be
 * present and not past (a token without {@code exp} would be valid forever), and a
 * subject of the shape the services accept.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

    /** What the services accept as a caller's subject (see CallerAssertion). */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

    @Bean
    VerifiedTokenCache jwtDecoder(AuthProperties auth) throws IOException, GeneralSecurityException {
        NimbusReactiveJwtDecoder decoder;
        if (auth.jwksUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(auth.jwksUri().toString()).build();
        }
        else if (auth.publicKey() != null && auth.publicKey().exists()) {
            decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(auth)).build();
        }
        else {
            throw new IllegalStateException("Set gateway.auth.jwks-uri or gateway.auth.public-key (a PEM RSA public "
                    + "key; ./wallet up makes a development one in .run/dev-keys)");
        }
        decoder
            .setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(auth.issuer()),
                    new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull), new JwtClaimValidator<String>(
                            JwtClaimNames.SUB, (sub) -> sub != null && SUBJECT.matcher(sub).matches())));
        return new VerifiedTokenCache(decoder, new RolesConverter(auth.rolesClaim()), Clock.systemUTC());
    }

    private static RSAPublicKey readPublicKey(AuthProperties auth) throws IOException, GeneralSecurityException {
        try (InputStream in = auth.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
    }

}
