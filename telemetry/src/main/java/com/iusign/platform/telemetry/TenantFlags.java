package com.iusign.platform.telemetry;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Suspicion flags for the compliance review. A SuperAdmin flags a tenant with a reason; the
 * envelope-burst rule flags automatically (see {@link #BURST_MINIMUM}). A flag does not restrict
 * the tenant — it puts it on the review list, where a SuperAdmin decides (suspend, deactivate or
 * clear).
 */
@Service
@Transactional
public class TenantFlags {

    /**
     * The burst rule: a tenant that sends at least {@value #BURST_MINIMUM} envelopes in one UTC day
     * and at least {@value #BURST_FACTOR} times its average daily volume over the previous 30 days
     * is flagged (spam and phishing campaigns look like this; a steady large customer does not).
     */
    public static final int BURST_MINIMUM = 50;
    public static final int BURST_FACTOR = 10;
    /**
     * The failed sign-in rule: at least {@value #FAILED_SIGN_IN_MINIMUM} wrong passwords for a
     * tenant's existing users within one UTC hour, and at least {@value #BURST_FACTOR} times the
     * tenant's hourly average over the previous 7 days (credential stuffing against its users).
     */
    public static final int FAILED_SIGN_IN_MINIMUM = 100;

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

    /** Counts a wrong password in its hour and applies the failed sign-in rule to that hour. */
    void signInFailed(UUID tenantId, Instant at) {
        Instant hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        jdbc.sql("""
                INSERT INTO tenant_sign_in_failures (tenant_id, hour, failures) VALUES (:t, :hour, 1)
                ON CONFLICT (tenant_id, hour) DO UPDATE SET failures = tenant_sign_in_failures.failures + 1""")
                .param("t", tenantId).param("hour", java.sql.Timestamp.from(hour)).update();
        record Failures(int thisHour, double average) {
        }
        Failures failures = jdbc.sql("""
                SELECT coalesce((SELECT failures FROM tenant_sign_in_failures WHERE tenant_id = :t AND hour = :hour), 0),
                       coalesce((SELECT sum(failures) FROM tenant_sign_in_failures WHERE tenant_id = :t
                                    AND hour >= CAST(:hour AS timestamptz) - interval '7 days' AND hour < :hour), 0) / 168.0""")
                .param("t", tenantId).param("hour", java.sql.Timestamp.from(hour))
                .query((rs, n) -> new Failures(rs.getInt(1), rs.getDouble(2))).single();
        if (failures.thisHour() >= FAILED_SIGN_IN_MINIMUM && failures.thisHour() >= BURST_FACTOR * failures.average()) {
            autoFlag(tenantId, String.format(java.util.Locale.ROOT, "Failed sign-in burst: %d wrong passwords in the hour from %s"
                    + " against an average of %.1f an hour over the previous 7 days", failures.thisHour(), hour, failures.average()));
        }
    }

    /** Applies the burst rule to the tenant's day; an existing flag (automatic or not) is left as it is. */
    void checkBurst(UUID tenantId, java.time.LocalDate day) {
        record Volume(int today, double average) {
        }
        Volume volume = jdbc.sql("""
                SELECT coalesce((SELECT envelopes_sent FROM tenant_usage_daily WHERE tenant_id = :t AND day = :day), 0),
                       coalesce((SELECT sum(envelopes_sent) FROM tenant_usage_daily WHERE tenant_id = :t
                                    AND day >= :day - 30 AND day < :day), 0) / 30.0""")
                .param("t", tenantId).param("day", day).query((rs, n) -> new Volume(rs.getInt(1), rs.getDouble(2))).single();
        if (volume.today() >= BURST_MINIMUM && volume.today() >= BURST_FACTOR * volume.average()) {
            autoFlag(tenantId, String.format(java.util.Locale.ROOT, "Envelope burst: %d sent on %s against an average of %.1f a day"
                    + " over the previous 30 days", volume.today(), day, volume.average()));
        }
    }

    /** An automatic flag, unless the tenant is flagged already (a SuperAdmin's reason is never overwritten). */
    private void autoFlag(UUID tenantId, String reason) {
        int flagged = jdbc.sql("""
                INSERT INTO tenant_flag (tenant_id, reason, flagged_by, automatic) VALUES (:t, :reason, 'system:burst-rule', true)
                ON CONFLICT (tenant_id) DO NOTHING""")
                .param("t", tenantId).param("reason", reason).update();
        if (flagged == 1) {
            events.publishEvent(new TenantFlagged(UUID.randomUUID(), tenantId, true, Change.of(Actor.system("burst-rule"), reason),
                    Instant.now()));
        }
    }
}
