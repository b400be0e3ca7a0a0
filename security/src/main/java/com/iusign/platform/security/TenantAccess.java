package com.iusign.platform.security;

import com.iusign.platform.lifecycle.TenantStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's operational status as the access gate sees it (near cache invalidated through
 * Redis, PostgreSQL when Redis is lost) — what anonymous entry points such as signing links
 * consult, so that a suspension reaches them as fast as it reaches tokens.
 */
public interface TenantAccess {

    /** Empty for an unknown tenant; an exception (fail closed) when the status cannot be read. */
    Optional<TenantStatus> status(UUID tenantId);

    /**
     * Whether a session that began at {@code startedAt} (a refresh token's issue time) may go on:
     * the tenant is active and no flush or status change of the tenant or the user came after it.
     * The same decision the gate takes for access tokens, so ending sessions ends both kinds.
     */
    GateRefusal.Decision session(UUID tenantId, UUID userId, Instant startedAt);
}
