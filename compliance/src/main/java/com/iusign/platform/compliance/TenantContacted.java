package com.iusign.platform.compliance;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin contacted a tenant about its usage; {@code change.reason()} is the note, {@code ownerMailed} whether its owner got a notice. */
public record TenantContacted(UUID eventId, UUID tenantId, Change change, boolean ownerMailed, Instant at) {
}
