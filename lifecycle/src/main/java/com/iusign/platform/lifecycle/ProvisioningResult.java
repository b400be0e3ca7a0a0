package com.iusign.platform.lifecycle;

import java.util.Map;

/** A provisioned tenant and what the {@link TenantProvisioningExtension}s reported (e.g. {@code ownerActivationToken}). */
public record ProvisioningResult(Tenant tenant, Map<String, Object> extras) {
}
