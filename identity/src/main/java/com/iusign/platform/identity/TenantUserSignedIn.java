package com.iusign.platform.identity;

import java.time.Instant;
import java.util.UUID;

/** A tenant user signed in with their password (refreshes are not sign-ins). */
public record TenantUserSignedIn(UUID eventId, UUID tenantId, UUID userId, Instant at) {
}
