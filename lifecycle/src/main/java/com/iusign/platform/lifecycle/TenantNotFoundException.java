package com.iusign.platform.lifecycle;

/** No tenant has the given id. */
public class TenantNotFoundException extends RuntimeException {

    private final TenantId tenantId;

    public TenantNotFoundException(TenantId tenantId) {
        super("No tenant with id " + tenantId);
        this.tenantId = tenantId;
    }

    public TenantId tenantId() {
        return tenantId;
    }
}
