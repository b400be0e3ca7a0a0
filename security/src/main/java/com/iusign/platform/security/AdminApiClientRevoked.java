package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin revoked an admin API client; it gets no new token from {@code at} on. */
public record AdminApiClientRevoked(UUID eventId, String clientId, String name, String by, Instant at) {
}
