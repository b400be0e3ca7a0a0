package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

public record TenantUserAdded(UUID eventId, UUID tenantId, UUID userId, String email, UserRole role, Change change, Instant at) {
}
