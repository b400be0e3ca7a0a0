package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin invited another by e-mail; the activation link is valid until {@code expiresAt}. */
public record SuperAdminInvited(UUID eventId, UUID adminId, String email, Instant expiresAt, Change change, Instant at) {
}
