package com.iusign.platform.fleet;

import com.iusign.platform.kernel.TenantId;

/** One tenant of a fleet selection, named as it was when the selection was resolved. */
public record FleetTarget(TenantId tenantId, String name) {
}
