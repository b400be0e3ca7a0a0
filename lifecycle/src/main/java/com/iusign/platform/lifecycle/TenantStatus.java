package com.iusign.platform.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's operational status and the moves a SuperAdmin may make from it directly: an active
 * tenant can be suspended or deactivated, a suspended one reactivated or deactivated. A
 * deactivated tenant waits out its retention window: it is restored (back to ACTIVE) only with a
 * second SuperAdmin's approval, and purged by the retention module ({@link TenantEndOfLife#restore},
 * {@link TenantEndOfLife#markPurged}); PURGED is the tombstone that keeps the permanent id, the
 * name and the audit trail's continuity.
 */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DEACTIVATED,
    PURGED;

    public Set<TenantStatus> allowedTargets() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, DEACTIVATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, DEACTIVATED);
            case DEACTIVATED, PURGED -> EnumSet.noneOf(TenantStatus.class);
        };
    }

    /** Deactivated or purged: nobody gets in, nothing changes but the end of life. */
    public boolean closed() {
        return this == DEACTIVATED || this == PURGED;
    }

    public boolean canMoveTo(TenantStatus target) {
        return allowedTargets().contains(target);
    }

    /** The verb that moves a tenant into this status, as the console and the API name it. */
    public String verb() {
        return switch (this) {
            case ACTIVE -> "reactivate";
            case SUSPENDED -> "suspend";
            case DEACTIVATED -> "deactivate";
            case PURGED -> "purge";
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
