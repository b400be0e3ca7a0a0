package com.iusign.platform.security.internal;

import com.iusign.platform.lifecycle.TenantStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The gate's truth in PostgreSQL: tenant status and not-before, user not-before, deny-listed token ids. */
@Repository
class GateStore {

    /** What the gate knows of a tenant; not-before in epoch milliseconds. */
    record TenantState(TenantStatus status, long notBeforeMillis) {

        String encode() {
            return status.name() + "|" + notBeforeMillis;
        }

        static TenantState decode(String value) {
            int bar = value.indexOf('|');
            return new TenantState(TenantStatus.valueOf(value.substring(0, bar)), Long.parseLong(value.substring(bar + 1)));
        }
    }

    private final JdbcClient jdbc;

    GateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TenantState> tenant(UUID tenantId) {
        return jdbc.sql("SELECT status, not_before FROM tenant_access WHERE tenant_id = :id").param("id", tenantId)
                .query((row, n) -> new TenantState(TenantStatus.valueOf(row.getString("status")),
                        row.getTimestamp("not_before").toInstant().toEpochMilli()))
                .optional();
    }

    /** Sets the status and, when given, moves the not-before forward (never back). */
    void upsertTenant(UUID tenantId, TenantStatus status, @Nullable Instant notBefore) {
        jdbc.sql("""
                INSERT INTO tenant_access (tenant_id, status, not_before, updated_at)
                VALUES (:id, :status, coalesce(:notBefore, 'epoch'::timestamptz), now())
                ON CONFLICT (tenant_id) DO UPDATE
                   SET status = excluded.status,
                       not_before = greatest(tenant_access.not_before, coalesce(:notBefore, tenant_access.not_before)),
                       updated_at = now()""")
                .param("id", tenantId).param("status", status.name())
                .param("notBefore", notBefore == null ? null : Timestamp.from(notBefore))
                .update();
    }

    /** Creates the tenant's row when it has none yet (a tenant older than the gate); never changes an existing one. */
    void ensureTenant(UUID tenantId, TenantStatus status) {
        jdbc.sql("INSERT INTO tenant_access (tenant_id, status, not_before) VALUES (:id, :status, 'epoch') ON CONFLICT DO NOTHING")
                .param("id", tenantId).param("status", status.name()).update();
    }

    void recordFlush(UUID tenantId, Instant notBefore, String by) {
        jdbc.sql("""
                UPDATE tenant_access SET not_before = greatest(not_before, :notBefore), last_flush_at = :at, last_flush_by = :by,
                                         updated_at = now()
                 WHERE tenant_id = :id""")
                .param("notBefore", Timestamp.from(notBefore)).param("at", Timestamp.from(notBefore)).param("by", by)
                .param("id", tenantId).update();
    }

    Optional<Map.Entry<Instant, String>> lastFlush(UUID tenantId) {
        return jdbc.sql("SELECT last_flush_at, last_flush_by FROM tenant_access WHERE tenant_id = :id AND last_flush_at IS NOT NULL")
                .param("id", tenantId)
                .query((row, n) -> Map.entry(row.getTimestamp("last_flush_at").toInstant(), row.getString("last_flush_by")))
                .optional();
    }

    long userNotBefore(UUID userId) {
        return jdbc.sql("SELECT not_before FROM user_access WHERE user_id = :id").param("id", userId)
                .query(Timestamp.class).optional().map(timestamp -> timestamp.toInstant().toEpochMilli()).orElse(0L);
    }

    void moveUserNotBefore(UUID userId, UUID tenantId, Instant notBefore) {
        jdbc.sql("""
                INSERT INTO user_access (user_id, tenant_id, not_before, updated_at) VALUES (:user, :tenant, :notBefore, now())
                ON CONFLICT (user_id) DO UPDATE SET not_before = greatest(user_access.not_before, excluded.not_before),
                                                    updated_at = now()""")
                .param("user", userId).param("tenant", tenantId).param("notBefore", Timestamp.from(notBefore)).update();
    }

    void deny(String jti, UUID tenantId, Instant expiresAt) {
        jdbc.sql("INSERT INTO revoked_token (jti, tenant_id, expires_at) VALUES (:jti, :tenant, :expiresAt) ON CONFLICT DO NOTHING")
                .param("jti", jti).param("tenant", tenantId).param("expiresAt", Timestamp.from(expiresAt)).update();
    }

    boolean denied(String jti) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM revoked_token WHERE jti = :jti AND expires_at > now())")
                .param("jti", jti).query(Boolean.class).single();
    }

    /** Every deny-listed token id that has not expired, with its expiry in epoch milliseconds. */
    Map<String, Long> unexpiredDenials() {
        Map<String, Long> denials = new HashMap<>();
        jdbc.sql("SELECT jti, expires_at FROM revoked_token WHERE expires_at > now()")
                .query(row -> {
                    denials.put(row.getString("jti"), row.getTimestamp("expires_at").toInstant().toEpochMilli());
                });
        return denials;
    }

    /** Appends to the gate's change log, in the caller's transaction: the message an instance applies as if Redis had carried it. */
    void logChange(String message) {
        jdbc.sql("INSERT INTO gate_change (message) VALUES (:message)").param("message", message).update();
    }

    /** A sweep's answer: the log rows of every transaction from {@code horizon} on, and the next horizon. */
    record Changes(long nextHorizon, List<Change> rows) {
    }

    record Change(long seq, long tx, String message) {
    }

    /**
     * The change-log rows written by transactions with an id of at least {@code horizon}, and the
     * oldest transaction still running now ({@code pg_snapshot_xmin}): every transaction below it
     * has finished, so a sweep that starts there next time misses no commit, in whatever order
     * transactions commit. One statement, one snapshot.
     */
    Changes changesSince(long horizon) {
        List<Change> rows = new ArrayList<>();
        long[] next = {horizon};
        jdbc.sql("""
                SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, c.seq, c.tx::text AS tx, c.message
                  FROM (SELECT 1) AS one
                  LEFT JOIN gate_change c ON c.tx >= CAST(:horizon AS xid8)""")
                .param("horizon", Long.toString(horizon))
                .query(row -> {
                    next[0] = Long.parseLong(row.getString("xmin"));
                    if (row.getString("tx") != null) {
                        rows.add(new Change(row.getLong("seq"), Long.parseLong(row.getString("tx")), row.getString("message")));
                    }
                });
        return new Changes(next[0], rows);
    }

    int purgeChangeLog() {
        return jdbc.sql("DELETE FROM gate_change WHERE changed_at < now() - interval '1 hour'").update();
    }

    int purgeExpiredDenials() {
        return jdbc.sql("DELETE FROM revoked_token WHERE expires_at < now() - interval '1 minute'").update();
    }
}
