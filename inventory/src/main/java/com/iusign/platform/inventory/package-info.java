/**
 * The Global Tenant Manifest: the SuperAdmin's read model of every tenant, for search, filter,
 * sort, page and export. Until the manifest issue gives it a read model of its own, it reads the
 * lifecycle module's façade.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"lifecycle", "telemetry"})
@NullMarked
package com.iusign.platform.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
