package org.walletplatform.gateway.auth;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a verified token into the caller: its subject, and its roles claim as
 * {@code ROLE_<NAME>} authorities ({@code ["admin"]} → {@code ROLE_ADMIN}).
 */
public class RolesConverter {

    static final String ADMIN = "ROLE_ADMIN";

    private final String rolesClaim;

    RolesConverter(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    JwtAuthenticationToken caller(Jwt jwt) {
        List<String> roles = jwt.hasClaim(this.rolesClaim) ? jwt.getClaimAsStringList(this.rolesClaim) : List.of();
        Collection<GrantedAuthority> authorities = roles.stream()
            .map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
            .toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /**
     * Whether the caller carries the admin role (asked twice per request: a loop, and no
     * iterator for the usual caller without roles).
     */
    public static boolean isAdmin(Authentication authentication) {
        Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
        if (authorities.isEmpty()) {
            return false;
        }
        for (GrantedAuthority authority : authorities) {
            if (ADMIN.equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

}
