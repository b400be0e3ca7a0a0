/**
 * Tenant users: members, roles, credentials and lock state; owner activation at provisioning;
 * sign-in with short-lived access tokens and rotating refresh tokens; SuperAdmin invitations by
 * mail; owner assignment under four eyes (security's approvals).
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "security", "mail", "domains"})
@NullMarked
package com.iusign.platform.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
