package com.iusign.platform.inventory;

import com.iusign.platform.lifecycle.TenantLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** A database whose tenants predate the manifest (or whose manifest was emptied) gets it rebuilt at start-up. */
@Component
class ManifestBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ManifestBootstrap.class);

    private final ManifestStore store;
    private final TenantLifecycle lifecycle;
    private final TenantManifest manifest;

    ManifestBootstrap(ManifestStore store, TenantLifecycle lifecycle, TenantManifest manifest) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.manifest = manifest;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.isEmpty() && lifecycle.countTenants() > 0) {
            log.info("Tenant manifest rebuilt from the lifecycle: {} tenants", manifest.rebuild());
        }
    }
}
