package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin (or the bootstrap) registered an admin API client. */
public record AdminApiClientRegistered(UUID eventId, String clientId, String name, String by, Instant at) {
}
