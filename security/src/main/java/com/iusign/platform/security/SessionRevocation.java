package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Global Session Flush and token revocation. A flush is O(1): one not-before write, whatever the
 * number of tokens issued; every instance refuses older sessions — access and refresh tokens — on
 * their next request. Each flush returns a {@link FlushReceipt} whose proof was checked by the gate
 * after the flush committed.
 */
public interface SessionRevocation {

    /** Ends every session of the tenant issued until now. @throws com.iusign.platform.kernel.NotFound for an unknown tenant */
    FlushReceipt flushTenant(TenantId tenantId, Change change);

    /** Ends every session of one user of the tenant issued until now. */
    FlushReceipt flushUser(TenantId tenantId, UUID userId, Change change);

    /** Deny-lists one token until it expires. */
    void revokeToken(TenantId tenantId, String jti, Instant expiresAt);

    Optional<LastFlush> lastFlush(TenantId tenantId);

    /**
     * The instant before which every session of the tenant is refused (moved by flushes and status
     * changes); the epoch for a tenant the gate has never restricted.
     */
    Instant sessionsNotBefore(TenantId tenantId);

    record LastFlush(Instant at, String by) {
    }
}
