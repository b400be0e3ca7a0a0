/**
 * Tenant users: members, roles, credentials and lock state; owner activation at provisioning;
 * sign-in with short-lived access tokens and rotating refresh tokens.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security"})
@NullMarked
package com.iusign.platform.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
