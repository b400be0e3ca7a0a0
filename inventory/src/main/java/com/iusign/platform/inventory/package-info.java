/**
 * The Global Tenant Manifest: the SuperAdmin's read model of every tenant (record, owner, usage),
 * kept from the lifecycle's and telemetry's events, for search, filter, sort, page and export.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "telemetry", "compliance"})
@NullMarked
package com.iusign.platform.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
