package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;


import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantPlanChanged(UUID eventId, TenantId tenantId, String from, String to, Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.plan-changed";
    }

    @Override
    public Map<String, Object> before() {
        return TenantEvent.values("plan", from);
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("plan", to);
    }
}
