package com.iusign.platform.retention;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Legal holds: a SuperAdmin places one with a reason (litigation, a regulator's request) and the
 * tenant is not purged for as long as it stands, whatever its retention window says; releasing
 * it needs a reason too. Both are audited. A hold cannot be placed once the purge has begun.
 */
@Service
@Transactional
public class LegalHolds {

    private final JdbcClient jdbc;
    private final TenantLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final PurgeStore purges;

    LegalHolds(JdbcClient jdbc, TenantLifecycle lifecycle, ApplicationEventPublisher events, PurgeStore purges) {
        this.purges = purges;
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<LegalHold> active(TenantId tenantId) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE tenant_id = :tenant AND released_at IS NULL")
                .param("tenant", tenantId.value()).query(LegalHolds::hold).optional();
    }

    @Transactional(readOnly = true)
    public List<LegalHold> history(TenantId tenantId) {
        return jdbc.sql("SELECT * FROM legal_hold WHERE tenant_id = :tenant ORDER BY placed_at DESC")
                .param("tenant", tenantId.value()).query(LegalHolds::hold).list();
    }

    /** @throws Conflict when the tenant is purged, its purge has begun, or a hold already stands */
    public LegalHold place(TenantId tenantId, Change change) {
        var tenant = lifecycle.get(tenantId);
        if (tenant.status() == TenantStatus.PURGED) {
            throw new Conflict("status", tenant.name() + " was purged: there is nothing left to hold");
        }
        purges.lock(tenantId.value());
        if (purges.find(tenantId.value()).map(purge -> purge.startedAt() != null).orElse(false)) {
            throw new Conflict("status", "The purge of " + tenant.name() + " has begun; a hold can no longer stop it");
        }
        active(tenantId).ifPresent(existing -> {
            throw new Conflict("legalHold", "A legal hold already stands on " + tenant.name() + " (placed by " + existing.placedBy()
                    + ": " + existing.reason() + ")");
        });
        Instant now = Instant.now();
        LegalHold hold = new LegalHold(UUID.randomUUID(), tenantId.value(), change.reason(), change.ticket(), change.by().name(), now,
                null, null, null);
        jdbc.sql("""
                INSERT INTO legal_hold (id, tenant_id, reason, ticket, placed_by, placed_at)
                VALUES (:id, :tenant, :reason, :ticket, :by, :at)""")
                .param("id", hold.id()).param("tenant", hold.tenantId()).param("reason", hold.reason()).param("ticket", hold.ticket())
                .param("by", hold.placedBy()).param("at", Timestamp.from(now)).update();
        // A pending early purge that was approved before the hold waits too (a runner checks the hold under the same lock).
        events.publishEvent(new LegalHoldChanged(UUID.randomUUID(), tenantId.value(), hold, true, change, now));
        return hold;
    }

    /** @throws NotFound when no hold stands on the tenant */
    public LegalHold release(TenantId tenantId, Change change) {
        LegalHold current = active(tenantId).orElseThrow(() -> new NotFound("No legal hold stands on this tenant"));
        Instant now = Instant.now();
        jdbc.sql("UPDATE legal_hold SET released_by = :by, release_reason = :reason, released_at = :at WHERE id = :id")
                .param("by", change.by().name()).param("reason", change.reason()).param("at", Timestamp.from(now))
                .param("id", current.id()).update();
        LegalHold released = new LegalHold(current.id(), current.tenantId(), current.reason(), current.ticket(), current.placedBy(),
                current.placedAt(), change.by().name(), change.reason(), now);
        events.publishEvent(new LegalHoldChanged(UUID.randomUUID(), tenantId.value(), released, false, change, now));
        return released;
    }

    private static LegalHold hold(ResultSet row, int n) throws SQLException {
        Timestamp released = row.getTimestamp("released_at");
        return new LegalHold(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getString("reason"),
                row.getString("ticket"), row.getString("placed_by"), row.getTimestamp("placed_at").toInstant(), row.getString("released_by"),
                row.getString("release_reason"), released == null ? null : released.toInstant());
    }
}
