package com.iusign.platform.telemetry;

import com.iusign.platform.identity.UserUsage;
import com.iusign.platform.signing.EnvelopeUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * The telemetry tables; every counter update is one statement, so concurrent events add up without lost updates.
 * {@code as_of} is the time of the write ({@code clock_timestamp()}), not of the transaction's start ({@code now()}):
 * the manifest keeps the announcement with the latest {@code as_of}, and writers to a row are ordered by its lock,
 * so a transaction that started first but wrote last must carry the later time.
 */
@Repository
class UsageStore {

    private final JdbcClient jdbc;

    UsageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a fact is seen: the caller applies it; a redelivery finds it already applied. */
    boolean firstTime(String factKey) {
        return jdbc.sql("INSERT INTO telemetry_applied (fact_key) VALUES (:key) ON CONFLICT DO NOTHING").param("key", factKey).update() == 1;
    }

    void ensure(UUID tenantId) {
        jdbc.sql("INSERT INTO tenant_usage (tenant_id) VALUES (:tenant) ON CONFLICT DO NOTHING").param("tenant", tenantId).update();
    }

    void envelopeSent(UUID tenantId, Instant at) {
        ensure(tenantId);
        jdbc.sql("""
                UPDATE tenant_usage SET envelopes_total = envelopes_total + 1,
                       envelopes_this_month = CASE WHEN month = :month THEN envelopes_this_month + 1
                                                   WHEN month < :month THEN 1 ELSE envelopes_this_month END,
                       month = greatest(month, :month), last_activity_at = greatest(last_activity_at, :at), as_of = clock_timestamp()
                 WHERE tenant_id = :tenant""")
                .param("tenant", tenantId).param("month", monthOf(at)).param("at", Timestamp.from(at)).update();
        daily(tenantId, dayOf(at), 1, 0, 0);
    }

    void envelopeCompleted(UUID tenantId, Instant at) {
        ensure(tenantId);
        jdbc.sql("""
                UPDATE tenant_usage SET envelopes_completed = envelopes_completed + 1,
                       last_activity_at = greatest(last_activity_at, :at), as_of = clock_timestamp() WHERE tenant_id = :tenant""")
                .param("tenant", tenantId).param("at", Timestamp.from(at)).update();
        daily(tenantId, dayOf(at), 0, 1, 0);
    }

    void activity(UUID tenantId, Instant at) {
        ensure(tenantId);
        jdbc.sql("UPDATE tenant_usage SET last_activity_at = greatest(last_activity_at, :at), as_of = clock_timestamp() WHERE tenant_id = :tenant")
                .param("tenant", tenantId).param("at", Timestamp.from(at)).update();
    }

    void userSeen(UUID tenantId, UUID userId, Instant at) {
        activity(tenantId, at);
        jdbc.sql("""
                INSERT INTO tenant_active_user (user_id, tenant_id, last_seen_at) VALUES (:user, :tenant, :at)
                ON CONFLICT (user_id) DO UPDATE SET last_seen_at = greatest(tenant_active_user.last_seen_at, excluded.last_seen_at)""")
                .param("user", userId).param("tenant", tenantId).param("at", Timestamp.from(at)).update();
        int firstToday = jdbc.sql("INSERT INTO tenant_user_day (tenant_id, user_id, day) VALUES (:tenant, :user, :day) ON CONFLICT DO NOTHING")
                .param("tenant", tenantId).param("user", userId).param("day", dayOf(at)).update();
        if (firstToday == 1) {
            daily(tenantId, dayOf(at), 0, 0, 1);
        }
    }

    /**
     * Writes the seats as {@code counted} finds them once this transaction holds the row: recounts triggered by users
     * added one after another run concurrently, and one that counted before the others' commits must not write last.
     */
    void seats(UUID tenantId, IntSupplier counted) {
        ensure(tenantId);
        jdbc.sql("SELECT 1 FROM tenant_usage WHERE tenant_id = :tenant FOR UPDATE").param("tenant", tenantId).query(Integer.class).single();
        jdbc.sql("UPDATE tenant_usage SET seats_used = :seats, as_of = clock_timestamp() WHERE tenant_id = :tenant")
                .param("tenant", tenantId).param("seats", counted.getAsInt()).update();
    }

    /** Envelopes sent on {@code today} and in the 30 days before it: the pace the usage rules judge. */
    RecentVolume recentVolume(UUID tenantId, LocalDate today) {
        return jdbc.sql("""
                SELECT coalesce(sum(envelopes_sent) FILTER (WHERE day = :day), 0),
                       coalesce(sum(envelopes_sent) FILTER (WHERE day < :day), 0)
                  FROM tenant_usage_daily WHERE tenant_id = :t AND day >= :day - 30 AND day <= :day""")
                .param("t", tenantId).param("day", today)
                .query((rs, n) -> new RecentVolume(rs.getInt(1), rs.getInt(2))).single();
    }

    record RecentVolume(int today, int previous30Days) {
    }

    record Row(long envelopesTotal, long envelopesCompleted, LocalDate month, int envelopesThisMonth, int seatsUsed,
               @Nullable Instant lastActivityAt, Instant asOf, @Nullable Instant resyncedAt, @Nullable Instant driftCorrectedAt,
               int activeUsers30d) {

        /** No usage recorded yet: zeros, confirmed now. */
        static Row none() {
            return new Row(0, 0, monthOf(Instant.now()), 0, 0, null, Instant.now(), null, null, 0);
        }

        int thisMonth(LocalDate currentMonth) {
            return month.equals(currentMonth) ? envelopesThisMonth : 0;
        }
    }

    Optional<Row> row(UUID tenantId) {
        return jdbc.sql("""
                SELECT u.*, (SELECT count(*) FROM tenant_active_user a WHERE a.tenant_id = u.tenant_id
                                AND a.last_seen_at >= now() - interval '30 days') AS active
                  FROM tenant_usage u WHERE u.tenant_id = :tenant""")
                .param("tenant", tenantId)
                .query((rs, n) -> new Row(rs.getLong("envelopes_total"), rs.getLong("envelopes_completed"),
                        rs.getObject("month", LocalDate.class), rs.getInt("envelopes_this_month"), rs.getInt("seats_used"),
                        instant(rs, "last_activity_at"), rs.getTimestamp("as_of").toInstant(), instant(rs, "resynced_at"),
                        instant(rs, "drift_corrected_at"), rs.getInt("active")))
                .optional();
    }

    List<DailyUsage> series(UUID tenantId, LocalDate from) {
        return jdbc.sql("""
                SELECT d::date, coalesce(u.envelopes_sent, 0), coalesce(u.envelopes_completed, 0), coalesce(u.active_users, 0)
                  FROM generate_series(:from::date, (now() AT TIME ZONE 'UTC')::date, interval '1 day') d
                  LEFT JOIN tenant_usage_daily u ON u.tenant_id = :tenant AND u.day = d::date
                 ORDER BY 1""")
                .param("tenant", tenantId).param("from", from)
                .query((rs, n) -> new DailyUsage(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3), rs.getInt(4))).list();
    }

    /** Replaces the counters, the envelope series since {@code from} and the active users with the recount. */
    void replace(UUID tenantId, EnvelopeUsage envelopes, UserUsage users, LocalDate from, boolean drifted) {
        ensure(tenantId);
        Instant last = latest(envelopes.lastActivityAt(), users.lastSignInAt());
        jdbc.sql("""
                UPDATE tenant_usage SET envelopes_total = :total, envelopes_completed = :completed, month = :month,
                       envelopes_this_month = :thisMonth, seats_used = :seats, last_activity_at = :last, as_of = clock_timestamp(),
                       resynced_at = now(), drift_corrected_at = CASE WHEN :drifted THEN now() ELSE drift_corrected_at END
                 WHERE tenant_id = :tenant""")
                .param("tenant", tenantId).param("total", envelopes.sent()).param("completed", envelopes.completed())
                .param("month", monthOf(Instant.now())).param("thisMonth", (int) envelopes.sentThisMonth()).param("seats", users.seatsUsed())
                .param("last", last == null ? null : Timestamp.from(last)).param("drifted", drifted).update();
        jdbc.sql("UPDATE tenant_usage_daily SET envelopes_sent = 0, envelopes_completed = 0 WHERE tenant_id = :tenant AND day >= :from")
                .param("tenant", tenantId).param("from", from).update();
        // One statement for the whole series (up to 90 rows): a re-sync is measured in milliseconds.
        jdbc.sql("""
                INSERT INTO tenant_usage_daily (tenant_id, day, envelopes_sent, envelopes_completed)
                SELECT :tenant, d.day::date, d.sent, d.completed
                  FROM unnest(CAST(:days AS text[]), CAST(:sent AS integer[]), CAST(:completed AS integer[])) AS d(day, sent, completed)
                ON CONFLICT (tenant_id, day) DO UPDATE SET envelopes_sent = excluded.envelopes_sent,
                                                           envelopes_completed = excluded.envelopes_completed""")
                .param("tenant", tenantId)
                .param("days", envelopes.days().stream().map(day -> day.day().toString()).toArray(String[]::new))
                .param("sent", envelopes.days().stream().map(EnvelopeUsage.Day::sent).toArray(Integer[]::new))
                .param("completed", envelopes.days().stream().map(EnvelopeUsage.Day::completed).toArray(Integer[]::new))
                .update();
        jdbc.sql("DELETE FROM tenant_active_user WHERE tenant_id = :tenant").param("tenant", tenantId).update();
        for (UserUsage.ActiveUser user : users.active()) {
            jdbc.sql("INSERT INTO tenant_active_user (user_id, tenant_id, last_seen_at) VALUES (:user, :tenant, :at)")
                    .param("user", user.userId()).param("tenant", tenantId).param("at", Timestamp.from(user.lastSignInAt())).update();
        }
    }

    private void daily(UUID tenantId, LocalDate day, int sent, int completed, int active) {
        jdbc.sql("""
                INSERT INTO tenant_usage_daily (tenant_id, day, envelopes_sent, envelopes_completed, active_users)
                VALUES (:tenant, :day, :sent, :completed, :active)
                ON CONFLICT (tenant_id, day) DO UPDATE SET envelopes_sent = tenant_usage_daily.envelopes_sent + excluded.envelopes_sent,
                       envelopes_completed = tenant_usage_daily.envelopes_completed + excluded.envelopes_completed,
                       active_users = tenant_usage_daily.active_users + excluded.active_users""")
                .param("tenant", tenantId).param("day", day).param("sent", sent).param("completed", completed).param("active", active)
                .update();
    }

    static LocalDate dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static LocalDate monthOf(Instant at) {
        return dayOf(at).withDayOfMonth(1);
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
