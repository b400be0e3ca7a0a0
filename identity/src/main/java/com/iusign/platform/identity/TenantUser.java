package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A tenant user as the platform shows it; the password hash never leaves the module. */
public record TenantUser(UUID id, UUID tenantId, String email, String displayName, UserRole role, UserStatus status,
                         boolean activated, @Nullable Instant lastSignInAt, Instant createdAt) {
}
