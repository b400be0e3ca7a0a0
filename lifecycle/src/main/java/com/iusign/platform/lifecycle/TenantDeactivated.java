package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.UUID;

/** The tenant lost all access; its data is kept until {@code purgeAfter}, the end of its retention window. */
public record TenantDeactivated(UUID eventId, TenantId tenantId, TenantStatus from, Instant purgeAfter, Change change, Instant at)
        implements TenantStatusChanged {

    @Override
    public java.util.Map<String, Object> after() {
        return java.util.Map.of("status", to().name(), "purgeAfter", purgeAfter.toString());
    }

    @Override
    public TenantStatus to() {
        return TenantStatus.DEACTIVATED;
    }

    @Override
    public String action() {
        return "tenant.deactivated";
    }
}
