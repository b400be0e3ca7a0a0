package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** All sessions of a tenant (or, with {@code userId}, of one of its users) issued before {@code effectiveAt} were ended. */
public record TenantSessionsFlushed(UUID eventId, UUID tenantId, @Nullable UUID userId, Instant effectiveAt, Change change) {
}
