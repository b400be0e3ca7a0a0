package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * Wrong passwords from one client address made it wait before trying the account again; the
 * account itself stays open from everywhere else. {@code tenantId} is set for a tenant user's account.
 */
public record SignInLockedOut(UUID eventId, String account, String source, @Nullable UUID tenantId, int failures,
                              Instant until, Instant at) {
}
