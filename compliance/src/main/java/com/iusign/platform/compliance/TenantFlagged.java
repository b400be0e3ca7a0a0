package com.iusign.platform.compliance;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A tenant was flagged as suspicious, by a SuperAdmin or by the burst rule ({@code automatic}). */
public record TenantFlagged(UUID eventId, UUID tenantId, boolean automatic, Change change, Instant at) {
}
