package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** The tenant's master key got new material and its {@code dataKeysRewrapped} data keys were re-wrapped under it. */
public record TenantKeyRotated(UUID eventId, UUID tenantId, TenantMasterKey key, int dataKeysRewrapped, Change change, Instant at) {
}
