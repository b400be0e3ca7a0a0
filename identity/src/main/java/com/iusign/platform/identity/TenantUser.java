package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant user as the platform shows it; the password hash never leaves the module.
 *
 * @param statusReason    why an administrator last locked, unlocked or disabled the account, and who ({@code statusChangedBy}) and
 *                        when ({@code statusChangedAt}); null for an account nobody changed
 */
public record TenantUser(UUID id, UUID tenantId, String email, String displayName, UserRole role, UserStatus status,
                         boolean activated, @Nullable Instant lastSignInAt, Instant createdAt, @Nullable String statusReason,
                         @Nullable String statusChangedBy, @Nullable Instant statusChangedAt) {
}
