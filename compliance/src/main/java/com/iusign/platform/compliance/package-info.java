/**
 * Compliance: suspicion flags on tenants, set by SuperAdmins or by the rules (one listener class
 * each: an envelope burst, a failed sign-in burst), for the compliance review that the manifest
 * lists. A flag restricts nothing; a SuperAdmin decides.
 */
@ApplicationModule(displayName = "Compliance", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "identity", "telemetry", "mail"})
@NullMarked
package com.iusign.platform.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
