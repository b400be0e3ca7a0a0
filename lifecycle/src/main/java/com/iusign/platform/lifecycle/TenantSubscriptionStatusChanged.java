package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;


import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantSubscriptionStatusChanged(UUID eventId, TenantId tenantId, SubscriptionStatus from, SubscriptionStatus to, Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.subscription-changed";
    }

    @Override
    public Map<String, Object> before() {
        return TenantEvent.values("subscriptionStatus", from.name());
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("subscriptionStatus", to.name());
    }
}
