package com.iusign.platform.inventory;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.TenantUsageChanged;
import com.iusign.platform.lifecycle.TenantEvent;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.NotFound;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code tenant_manifest} current from the lifecycle's events, asynchronously after they
 * commit (Spring Modulith's event publication registry redelivers what a crash interrupted). Each
 * delivery re-reads the tenant from the lifecycle and writes it only if the version is not older
 * than the row's, so redeliveries and out-of-order deliveries are harmless.
 */
@Component
class ManifestProjection {

    private final TenantLifecycle lifecycle;
    private final ManifestStore store;

    ManifestProjection(TenantLifecycle lifecycle, ManifestStore store) {
        this.lifecycle = lifecycle;
        this.store = store;
    }

    @ApplicationModuleListener
    void on(TenantEvent event) {
        try {
            store.upsert(lifecycle.get(event.tenantId()));
        } catch (NotFound e) {
            // Purged before this delivery: nothing to list.
        }
    }

    /** Usage may be announced before the tenant's own row is written: then the row is written first. */
    @ApplicationModuleListener
    void on(TenantUsageChanged usage) {
        if (!store.usage(usage)) {
            try {
                store.upsert(lifecycle.get(new TenantId(usage.tenantId())));
                store.usage(usage);
            } catch (NotFound e) {
                // Purged: nothing to list.
            }
        }
    }
}
