package com.iusign.platform.telemetry;

import com.iusign.platform.identity.LiveSessions;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.InFlight;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Collection;

/**
 * Counts a {@link BlastRadius} before an action is confirmed. Each tenant is counted in its own
 * short transactions (row-level security scopes a transaction to one tenant), from partial indexes
 * of the live rows only (identity-008, signing-005), so the preview costs a few index probes per
 * tenant however long its history.
 */
@Service
public class BlastRadii {

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final Envelopes envelopes;

    BlastRadii(TenantLifecycle lifecycle, TenantUsers users, Envelopes envelopes) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.envelopes = envelopes;
    }

    /** @throws com.iusign.platform.kernel.NotFound for an unknown tenant */
    public BlastRadius of(TenantId tenantId) {
        lifecycle.get(tenantId);
        return count(tenantId, Instant.now());
    }

    /** The sum over the tenants; unknown ids count as nothing (a fleet selection may hold a tenant purged meanwhile). */
    public BlastRadius of(Collection<TenantId> tenantIds) {
        Instant asOf = Instant.now();
        BlastRadius sum = BlastRadius.none(asOf);
        for (TenantId tenantId : tenantIds) {
            sum = sum.plus(count(tenantId, asOf));
        }
        return sum;
    }

    private BlastRadius count(TenantId tenantId, Instant asOf) {
        LiveSessions sessions = users.liveSessions(tenantId);
        InFlight inFlight = envelopes.inFlight(tenantId);
        return new BlastRadius(1, sessions.activatedUsers(), sessions.sessions(), sessions.users(), inFlight.envelopes(), inFlight.liveLinks(), asOf);
    }
}
