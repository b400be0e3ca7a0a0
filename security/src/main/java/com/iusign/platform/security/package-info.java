/**
 * Who may act on the platform and how far: SuperAdmin accounts, admin API clients and the
 * short-lived tokens issued to them, the platform's wrapped signing keys and secrets, the tenant
 * access gate (status, not-befores, deny list, rate limit) with its restrict-only Redis cache,
 * Global Session Flush, the throttles of the unauthenticated doors, and the filter chains.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"kernel", "kernel :: web", "lifecycle"})
@NullMarked
package com.iusign.platform.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
