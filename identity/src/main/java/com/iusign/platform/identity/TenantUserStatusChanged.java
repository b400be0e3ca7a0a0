package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A user was locked or unlocked by an administrator. */
public record TenantUserStatusChanged(UUID eventId, UUID tenantId, UUID userId, UserStatus from, UserStatus to, Change change,
                                      Instant at) {
}
