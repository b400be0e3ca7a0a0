package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** The tenant's master key was destroyed (crypto-shredding); {@code key} is null when the tenant never had one. */
public record TenantKeyDestroyed(UUID eventId, UUID tenantId, @Nullable TenantMasterKey key, Change change, Instant at) {
}
