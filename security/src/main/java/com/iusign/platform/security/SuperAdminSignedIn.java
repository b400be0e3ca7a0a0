package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin signed in to the console with their password, from {@code source}. */
public record SuperAdminSignedIn(UUID eventId, String email, String source, Instant at) {
}
