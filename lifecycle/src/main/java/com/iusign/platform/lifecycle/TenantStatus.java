package com.iusign.platform.lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * A tenant's operational status and the moves a SuperAdmin may make from it: an active tenant
 * can be suspended or deactivated, a suspended one reactivated or deactivated; deactivation is
 * final here (purge comes later).
 */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DEACTIVATED;

    public Set<TenantStatus> allowedTargets() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, DEACTIVATED);
            case SUSPENDED -> EnumSet.of(ACTIVE, DEACTIVATED);
            case DEACTIVATED -> EnumSet.noneOf(TenantStatus.class);
        };
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
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
