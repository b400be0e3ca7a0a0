package com.iusign.platform.security.internal;

import com.iusign.platform.security.TenantPrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;

/** A tenant request the gate let through: the {@link TenantPrincipal} as principal, the verified token as credentials. */
final class TenantAuthentication extends AbstractAuthenticationToken {

    private final TenantPrincipal principal;
    private final transient Jwt token;

    TenantAuthentication(TenantPrincipal principal, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public TenantPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }
}
