package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A SuperAdmin as the console lists it; the password hash never leaves the module. An account is
 * never locked by wrong passwords (only the address they came from waits, see {@link SignInLockout}).
 *
 * @param invitedBy the SuperAdmin who invited this one, null for the first (bootstrap) accounts
 */
public record SuperAdminAccount(UUID id, String email, SuperAdminStatus status, Instant createdAt, @Nullable Instant lastSignInAt,
                                @Nullable String invitedBy, @Nullable Instant statusChangedAt) {
}
