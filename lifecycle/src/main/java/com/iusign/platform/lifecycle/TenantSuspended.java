package com.iusign.platform.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantSuspended(UUID eventId, TenantId tenantId, TenantStatus from, Change change, Instant at) implements TenantEvent {

    public TenantStatus to() {
        return TenantStatus.SUSPENDED;
    }

    @Override
    public String action() {
        return "tenant.suspended";
    }

    @Override
    public Map<String, Object> before() {
        return Map.of("status", from.name());
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("status", to().name());
    }
}
