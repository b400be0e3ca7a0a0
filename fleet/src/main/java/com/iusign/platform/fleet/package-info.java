/**
 * Fleet actions — the Global Suspension tool of an incident: suspend, reactivate or flush the
 * sessions of a selection of tenants (chosen rows, or every tenant matching a manifest filter) as
 * one background job that survives a restart, with the summed blast radius before it starts,
 * progress while it runs and an outcome per tenant. Each tenant's change goes through its own
 * module's façade (lifecycle, security) and is audited there under the job's correlation id.
 */
@ApplicationModule(displayName = "Fleet", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "inventory", "telemetry"})
@NullMarked
package com.iusign.platform.fleet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
