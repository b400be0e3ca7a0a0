package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin changed their own password (the password itself is never part of an event). */
public record SuperAdminPasswordChanged(UUID eventId, String email, Instant at) {
}
