package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;


import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantRenamed(UUID eventId, TenantId tenantId, String from, String to, Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.renamed";
    }

    @Override
    public Map<String, Object> before() {
        return TenantEvent.values("name", from);
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("name", to);
    }
}
