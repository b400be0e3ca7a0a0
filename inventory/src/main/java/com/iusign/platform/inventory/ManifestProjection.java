package com.iusign.platform.inventory;

import com.iusign.platform.lifecycle.TenantEvent;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantNotFoundException;
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
        } catch (TenantNotFoundException e) {
            // Purged before this delivery: nothing to list.
        }
    }
}
