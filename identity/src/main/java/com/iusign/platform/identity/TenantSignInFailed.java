package com.iusign.platform.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A wrong password for an existing user of an existing tenant (unknown tenants and e-mails are
 * not reported: they name no tenant). For abuse detection; the refusal itself says nothing more
 * to the caller.
 */
public record TenantSignInFailed(UUID eventId, UUID tenantId, UUID userId, Instant at) {
}
