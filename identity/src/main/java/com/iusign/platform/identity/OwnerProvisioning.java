package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantProvisioningExtension;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Provisioning a tenant creates its owner from the owner e-mail, in the same transaction, and
 * reports the owner's one-time activation token (the invitation: the owner sets a password with
 * {@code POST /api/v1/auth/activate} within 72 hours).
 */
@Component
class OwnerProvisioning implements TenantProvisioningExtension {

    private final TenantUsers users;

    OwnerProvisioning(TenantUsers users) {
        this.users = users;
    }

    @Override
    public Map<String, Object> tenantProvisioned(Tenant tenant, ProvisionTenant command, Change change) {
        NewUser owner = users.add(tenant.id(), tenant.ownerEmail(), "Owner", UserRole.OWNER.name(), change);
        return Map.of("ownerUserId", owner.user().id(), "ownerActivationToken", owner.activationToken(),
                "ownerActivationExpiresAt", owner.activationExpiresAt());
    }
}
