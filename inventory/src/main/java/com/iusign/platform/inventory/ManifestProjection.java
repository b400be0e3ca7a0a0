package com.iusign.platform.inventory;

import com.iusign.platform.compliance.TenantFlagCleared;
import com.iusign.platform.compliance.TenantFlagged;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantEvent;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.telemetry.TenantUsageChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps {@code tenant_manifest} current from the lifecycle's, telemetry's and compliance's events,
 * asynchronously after they commit (Spring Modulith's event publication registry redelivers what
 * a crash interrupted). A lifecycle event re-reads the tenant and writes it only if the version is
 * not older than the row's; usage and flags carry the time that orders them. So redeliveries and
 * out-of-order deliveries are harmless.
 */
@Component
class ManifestProjection {

    private final TenantLifecycle lifecycle;
    private final ManifestStore store;
    private final ApplicationEventPublisher events;

    ManifestProjection(TenantLifecycle lifecycle, ManifestStore store, ApplicationEventPublisher events) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(TenantEvent event) {
        write(event.tenantId());
        changed(event.tenantId().value());
    }

    /** Usage may be announced before the tenant's own row is written: then the row is written first. */
    @ApplicationModuleListener
    void on(TenantUsageChanged usage) {
        if (!store.usage(usage) && write(new TenantId(usage.tenantId()))) {
            store.usage(usage);
        }
        changed(usage.tenantId());
    }

    @ApplicationModuleListener
    void on(TenantFlagged flagged) {
        flag(flagged.tenantId(), flagged.change().reason(), flagged.at());
    }

    @ApplicationModuleListener
    void on(TenantFlagCleared cleared) {
        flag(cleared.tenantId(), null, cleared.at());
    }

    private void flag(UUID tenantId, @Nullable String reason, Instant at) {
        if (!store.flag(tenantId, reason, at) && write(new TenantId(tenantId))) {
            store.flag(tenantId, reason, at);
        }
        changed(tenantId);
    }

    /** Published in the listener's own transaction, so it reaches after-commit listeners once the row is visible. */
    private void changed(UUID tenantId) {
        events.publishEvent(new ManifestChanged(tenantId, Instant.now()));
    }

    /** Writes the tenant's row as the lifecycle holds it; false when the tenant is gone (purged before this delivery). */
    boolean write(TenantId id) {
        try {
            Tenant tenant = lifecycle.get(id);
            store.upsert(tenant, lifecycle.planOf(tenant));
            return true;
        } catch (NotFound e) {
            return false;
        }
    }
}
