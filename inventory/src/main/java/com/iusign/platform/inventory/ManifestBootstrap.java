package com.iusign.platform.inventory;

import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * At start-up: a database whose tenants predate the manifest (or whose manifest was emptied) gets
 * it rebuilt; rows written before the manifest held the plan's limits get them; flags set before
 * the manifest listened to compliance are copied in (a flag change the manifest already has is
 * never overwritten by an older one).
 */
@Component
class ManifestBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ManifestBootstrap.class);
    private static final int BATCH = 500;

    private final ManifestStore store;
    private final TenantLifecycle lifecycle;
    private final TenantManifest manifest;
    private final ManifestProjection projection;
    private final TenantFlags flags;

    ManifestBootstrap(ManifestStore store, TenantLifecycle lifecycle, TenantManifest manifest, ManifestProjection projection,
                      TenantFlags flags) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.manifest = manifest;
        this.projection = projection;
        this.flags = flags;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.isEmpty() && lifecycle.countTenants() > 0) {
            log.info("Tenant manifest rebuilt from the lifecycle: {} tenants", manifest.rebuild());
        }
        long completed = 0;
        for (List<UUID> batch = store.withoutLimits(null, BATCH); !batch.isEmpty(); batch = store.withoutLimits(batch.getLast(), BATCH)) {
            batch.forEach(id -> projection.write(new TenantId(id)));
            completed += batch.size();
        }
        flags.all().forEach(flag -> store.flagIfUnknown(flag.tenantId(), flag.reason(), flag.flaggedAt()));
        if (completed > 0) {
            log.info("Tenant manifest: plan limits written for {} tenants", completed);
        }
    }
}
