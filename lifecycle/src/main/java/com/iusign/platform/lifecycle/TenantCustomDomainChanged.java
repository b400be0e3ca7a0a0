package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record TenantCustomDomainChanged(UUID eventId, TenantId tenantId, @Nullable String from, @Nullable String to, Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.custom-domain-changed";
    }

    @Override
    public Map<String, Object> before() {
        return TenantEvent.values("customDomain", from);
    }

    @Override
    public Map<String, Object> after() {
        return TenantEvent.values("customDomain", to);
    }
}
