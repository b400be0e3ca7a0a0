/**
 * The application: configuration, the console's security, and the Vaadin SuperAdmin console
 * assembled from the other modules' façades (never their repositories).
 */
@ApplicationModule(displayName = "App", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "mail", "identity", "signing", "telemetry", "domains", "compliance", "retention", "inventory", "audit", "fleet"})
@NullMarked
package com.iusign.platform.app;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
