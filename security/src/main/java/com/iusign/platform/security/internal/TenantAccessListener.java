package com.iusign.platform.security.internal;

import com.iusign.platform.lifecycle.TenantDeactivated;
import com.iusign.platform.lifecycle.TenantPurged;
import com.iusign.platform.lifecycle.TenantProvisioned;
import com.iusign.platform.lifecycle.TenantReactivated;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.lifecycle.TenantSuspended;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps the gate's truth in step with the lifecycle, inside the transaction of the status change
 * (so a suspension that commits has already revoked access in PostgreSQL); every instance is
 * warned just before the commit and told once it committed ({@link GateCache#tenantChanging}).
 * Suspension and reactivation both move the tenant's not-before to the moment of the change:
 * after a reactivation only tokens issued after it are accepted.
 * Idempotent: redelivery sets the same status and cannot move a not-before back.
 */
@Component
class TenantAccessListener {

    private final GateStore store;
    private final GateCache cache;

    TenantAccessListener(GateStore store, GateCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @EventListener
    void on(TenantProvisioned event) {
        change(event.tenantId().value(), TenantStatus.ACTIVE, null);
    }

    @EventListener
    void on(TenantSuspended event) {
        change(event.tenantId().value(), TenantStatus.SUSPENDED, event.at());
    }

    @EventListener
    void on(TenantReactivated event) {
        change(event.tenantId().value(), TenantStatus.ACTIVE, event.at());
    }

    @EventListener
    void on(TenantDeactivated event) {
        change(event.tenantId().value(), TenantStatus.DEACTIVATED, event.at());
    }

    @EventListener
    void on(TenantPurged event) {
        change(event.tenantId().value(), TenantStatus.PURGED, event.at());
    }

    private void change(UUID tenantId, TenantStatus status, Instant at) {
        store.upsertTenant(tenantId, status, at == null ? null : NotBefore.after(at));
        cache.tenantChanging(tenantId);
    }
}
