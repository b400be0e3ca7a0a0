package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.UUID;

/** The tenant's data was deleted and its key destroyed; the record stays as a tombstone. */
public record TenantPurged(UUID eventId, TenantId tenantId, TenantStatus from, Change change, Instant at) implements TenantStatusChanged {

    @Override
    public TenantStatus to() {
        return TenantStatus.PURGED;
    }

    @Override
    public String action() {
        return "tenant.purged";
    }
}
