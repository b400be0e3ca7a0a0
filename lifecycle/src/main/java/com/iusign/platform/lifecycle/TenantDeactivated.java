package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.UUID;

public record TenantDeactivated(UUID eventId, TenantId tenantId, TenantStatus from, Change change, Instant at) implements TenantStatusChanged {

    @Override
    public TenantStatus to() {
        return TenantStatus.DEACTIVATED;
    }

    @Override
    public String action() {
        return "tenant.deactivated";
    }
}
