package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import java.util.Map;

/**
 * Lets a downstream module take part in provisioning without the lifecycle depending on it: each
 * extension runs inside the provisioning transaction (its failure undoes the provisioning) and may
 * return values for the caller, such as the owner's one-time activation token.
 */
public interface TenantProvisioningExtension {

    Map<String, Object> tenantProvisioned(Tenant tenant, ProvisionTenant command, Change change);
}
