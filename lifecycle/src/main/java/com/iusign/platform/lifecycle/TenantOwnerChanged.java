package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The tenant's owner of record changed (identity's owner assignment, carried out after a second
 * SuperAdmin approved it; {@code approvedBy} names that SuperAdmin, the change the requester).
 */
public record TenantOwnerChanged(UUID eventId, TenantId tenantId, String from, String to, String approvedBy, Change change, Instant at)
        implements TenantEvent {

    @Override
    public String action() {
        return "tenant.owner-changed";
    }

    @Override
    public Map<String, Object> before() {
        return TenantEvent.values("ownerEmail", from);
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("ownerEmail", to, "approvedBy", approvedBy);
    }
}
