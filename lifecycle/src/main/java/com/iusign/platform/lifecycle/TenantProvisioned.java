package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantProvisioned(UUID eventId, TenantId tenantId, String name, String slug, String plan,
                                SubscriptionStatus subscriptionStatus, String ownerEmail, @Nullable String customDomain,
                                Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.provisioned";
    }

    @Override
    public Map<String, Object> before() {
        return Map.of();
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("name", name, "slug", slug, "plan", plan, "subscriptionStatus", subscriptionStatus.name(),
                "status", TenantStatus.ACTIVE.name(), "ownerEmail", ownerEmail, "customDomain", customDomain);
    }
}
