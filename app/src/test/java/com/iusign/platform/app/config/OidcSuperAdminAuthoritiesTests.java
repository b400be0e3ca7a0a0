package com.iusign.platform.app.config;

import com.iusign.platform.security.PlatformAuthorities;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OidcSuperAdminAuthoritiesTests {

    private final OidcSuperAdminAuthorities mapper = new OidcSuperAdminAuthorities("groups", "iusign-superadmins");

    @Test
    void memberOfTheSuperAdminGroupBecomesSuperAdmin() {
        assertThat(mapper.mapAuthorities(List.of(oidcUser(Map.of("groups", List.of("staff", "iusign-superadmins"))))))
                .extracting(GrantedAuthority::getAuthority).containsExactly(PlatformAuthorities.ROLE_SUPERADMIN);
    }

    @Test
    void anyOtherUserOfTheProviderGetsNoAuthorityAtAll() {
        assertThat(mapper.mapAuthorities(List.of(oidcUser(Map.of("groups", List.of("staff"))),
                new SimpleGrantedAuthority("SCOPE_openid")))).isEmpty();
        assertThat(mapper.mapAuthorities(List.of(oidcUser(Map.of())))).isEmpty();
        assertThat(mapper.mapAuthorities(List.of(oidcUser(Map.of("groups", "iusign-superadmins-not"))))).isEmpty();
    }

    @Test
    void spaceSeparatedClaimIsUnderstood() {
        assertThat(mapper.mapAuthorities(List.of(oidcUser(Map.of("groups", "staff iusign-superadmins"))))).hasSize(1);
    }

    private static OidcUserAuthority oidcUser(Map<String, Object> extraClaims) {
        var claims = new java.util.HashMap<String, Object>(Map.of("sub", "user-1", "iss", "https://idp.test"));
        claims.putAll(extraClaims);
        return new OidcUserAuthority(new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims));
    }
}
