/**
 * The append-only audit trail, chained under a key the database holds only wrapped, of every SuperAdmin action and tenant event, bound
 * to the tenant's permanent id. The application role may insert and read it, never change it:
 * the database refuses UPDATE, DELETE and TRUNCATE.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"lifecycle", "security", "identity", "telemetry", "inventory"})
@NullMarked
package com.iusign.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
