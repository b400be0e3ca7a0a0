package com.iusign.platform.lifecycle;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantReactivated(UUID eventId, TenantId tenantId, TenantStatus from, Change change, Instant at) implements TenantEvent {

    public TenantStatus to() {
        return TenantStatus.ACTIVE;
    }

    @Override
    public String action() {
        return "tenant.reactivated";
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
