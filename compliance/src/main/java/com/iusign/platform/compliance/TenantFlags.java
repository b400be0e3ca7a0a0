package com.iusign.platform.compliance;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Suspicion flags for the compliance review. A SuperAdmin flags a tenant with a reason; the rules
 * ({@code EnvelopeBurstRule}, {@code FailedSignInBurstRule}) flag automatically. A flag does not
 * restrict the tenant — it puts it on the review list, where a SuperAdmin decides (suspend,
 * deactivate or clear).
 */
@Service
@Transactional
public class TenantFlags {

    public record TenantFlag(UUID tenantId, String reason, String flaggedBy, Instant flaggedAt, boolean automatic) {
    }

    private final JdbcClient jdbc;
    private final TenantLifecycle lifecycle;
    private final ApplicationEventPublisher events;

    TenantFlags(JdbcClient jdbc, TenantLifecycle lifecycle, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.events = events;
    }

    /** Flags the tenant with the change's reason (replacing an automatic flag); audited as {@code tenant.flagged}. */
    public TenantFlag flag(TenantId tenantId, Change change) {
        lifecycle.get(tenantId);
        jdbc.sql("""
                INSERT INTO tenant_flag (tenant_id, reason, flagged_by, automatic) VALUES (:tenant, :reason, :by, false)
                ON CONFLICT (tenant_id) DO UPDATE SET reason = excluded.reason, flagged_by = excluded.flagged_by,
                       flagged_at = now(), automatic = false""")
                .param("tenant", tenantId.value()).param("reason", change.reason().strip()).param("by", change.by().name()).update();
        events.publishEvent(new TenantFlagged(UUID.randomUUID(), tenantId.value(), false, change, Instant.now()));
        return current(tenantId).orElseThrow();
    }

    /** Clears the flag; false when there was none. Audited as {@code tenant.flag-cleared} with the change's reason. */
    public boolean clear(TenantId tenantId, Change change) {
        Optional<TenantFlag> flag = current(tenantId);
        if (flag.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM tenant_flag WHERE tenant_id = :tenant").param("tenant", tenantId.value()).update();
        events.publishEvent(new TenantFlagCleared(UUID.randomUUID(), tenantId.value(), flag.get().reason(), change, Instant.now()));
        return true;
    }

    @Transactional(readOnly = true)
    public Optional<TenantFlag> current(TenantId tenantId) {
        return jdbc.sql("SELECT tenant_id, reason, flagged_by, flagged_at, automatic FROM tenant_flag WHERE tenant_id = :tenant")
                .param("tenant", tenantId.value())
                .query((rs, n) -> new TenantFlag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .optional();
    }

    /** Every current flag; there are few (a flag is a case a SuperAdmin works on), so they fit in one list. */
    @Transactional(readOnly = true)
    public List<TenantFlag> all() {
        return jdbc.sql("SELECT tenant_id, reason, flagged_by, flagged_at, automatic FROM tenant_flag ORDER BY flagged_at")
                .query((rs, n) -> new TenantFlag(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
    }

    /**
     * A rule's flag, unless the tenant is flagged already (a SuperAdmin's reason is never
     * overwritten, and a rule that fires again on the next event flags nothing twice).
     */
    void flagAutomatically(UUID tenantId, String rule, String reason) {
        int flagged = jdbc.sql("""
                INSERT INTO tenant_flag (tenant_id, reason, flagged_by, automatic) VALUES (:t, :reason, :by, true)
                ON CONFLICT (tenant_id) DO NOTHING""")
                .param("t", tenantId).param("reason", reason).param("by", Actor.system(rule).toString()).update();
        if (flagged == 1) {
            events.publishEvent(new TenantFlagged(UUID.randomUUID(), tenantId, true, Change.of(Actor.system(rule), reason), Instant.now()));
        }
    }
}
