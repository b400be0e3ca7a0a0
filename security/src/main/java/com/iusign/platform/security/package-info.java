/**
 * Who may act on the platform: SuperAdmin accounts and their sign-in throttle, admin API clients
 * and the short-lived tokens the platform issues to them, the platform's token signing keys, and
 * the filter chains that guard the admin API. The tenant access gate joins it with the
 * session-security issue.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = "lifecycle")
@NullMarked
package com.iusign.platform.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
