/**
 * The append-only audit trail of every SuperAdmin action and tenant event, bound to the tenant's
 * permanent id and chained under a key the database holds only wrapped. The application role may insert and read it, never change it:
 * the database refuses UPDATE, DELETE and TRUNCATE.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "identity", "compliance", "inventory", "retention", "fleet"})
@NullMarked
package com.iusign.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
