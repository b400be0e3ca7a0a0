package com.iusign.platform.security;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.UserId;

import java.security.Principal;
import java.util.List;

/**
 * The tenant user behind a request of the tenant API, as the access gate let it through: its
 * tenant, its id, its e-mail and roles, read once from the verified token. Controllers receive it
 * with {@code @AuthenticationPrincipal TenantPrincipal caller} instead of reading claims.
 */
public record TenantPrincipal(TenantId tenantId, UserId userId, String email, List<String> roles) implements Principal {

    public TenantPrincipal {
        roles = List.copyOf(roles);
    }

    @Override
    public String getName() {
        return userId.toString();
    }
}
