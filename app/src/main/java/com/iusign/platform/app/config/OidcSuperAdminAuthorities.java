package com.iusign.platform.app.config;

import com.iusign.platform.security.PlatformAuthorities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * With an external OpenID Connect provider, a user becomes a SuperAdmin only when the ID token's
 * {@code iusign.oidc.superadmin-claim} (default {@code groups}) contains
 * {@code iusign.oidc.superadmin-value} (default {@code iusign-superadmins}). Everyone else signs
 * in with no authority and is refused every view: being known to the provider is not enough.
 */
@Component
class OidcSuperAdminAuthorities implements GrantedAuthoritiesMapper {

    private final String claim;
    private final String value;

    OidcSuperAdminAuthorities(@Value("${iusign.oidc.superadmin-claim:groups}") String claim,
                              @Value("${iusign.oidc.superadmin-value:iusign-superadmins}") String value) {
        this.claim = claim;
        this.value = value;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        boolean superAdmin = authorities.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .map(OidcUserAuthority.class::cast)
                .anyMatch(oidc -> claimContainsValue(oidc.getAttributes().get(claim)));
        return superAdmin ? Set.of(new SimpleGrantedAuthority(PlatformAuthorities.ROLE_SUPERADMIN)) : List.of();
    }

    private boolean claimContainsValue(Object claimValue) {
        if (claimValue instanceof Collection<?> values) {
            return values.stream().anyMatch(value::equals);
        }
        if (claimValue instanceof String single) {
            return List.of(single.split("[ ,]")).contains(value);
        }
        return false;
    }
}
