package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** An administrator sent a user who has not set a password a new activation link; the earlier ones stopped working. */
public record TenantUserActivationResent(UUID eventId, UUID tenantId, UUID userId, String email, Instant expiresAt, Change change,
                                         Instant at) {
}
