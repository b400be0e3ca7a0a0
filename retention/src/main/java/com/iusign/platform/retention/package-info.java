/**
 * The end of a tenant's life: the retention window after deactivation (kept by the lifecycle),
 * legal holds that stop the purge, restore and early purge under four eyes (security's
 * approvals), and the purge itself — every row of the tenant in every row-level-secured table
 * deleted in bounded batches, the tenant's master key destroyed (crypto-shredding), the tenant
 * left as a PURGED tombstone — with a destruction record signed by the platform, and notices to
 * the tenant's owner a week and a day before.
 */
@ApplicationModule(displayName = "Retention", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "mail"})
@NullMarked
package com.iusign.platform.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
