package com.iusign.platform.lifecycle;

/** A tenant's operational status. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DEACTIVATED
}
