package com.iusign.platform.compliance;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin cleared a tenant's suspicion flag. */
public record TenantFlagCleared(UUID eventId, UUID tenantId, String flagReason, Change change, Instant at) {
}
