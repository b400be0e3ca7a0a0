package com.iusign.platform.inventory;

import com.iusign.platform.kernel.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SuperAdmins' review lists, read from the manifest (the one read model of the tenant).
 * "Approaching limits" (proactive support): active tenants at or above a share of their seat or
 * monthly envelope quota, with the date the envelope quota will be reached at the pace of the 30
 * days before today (none when that pace does not reach it this month). "Compliance review":
 * flagged tenants (compliance's flags), tenants without activity for N days, and tenants still
 * TRIALING more than the trial period after creation; deactivated tenants are not reviewed.
 */
@Service
@Transactional(readOnly = true)
public class ReviewLists {

    /** One quota of one tenant near or over its limit; {@code projectedAt} only for the monthly envelope quota. */
    public record ApproachingLimit(UUID tenantId, String tenantName, String quota, long usage, long limit, @Nullable LocalDate projectedAt) {

        public boolean over() {
            return usage >= limit;
        }
    }

    /** A tenant to review and why: {@code FLAGGED} (with the flag's reason), {@code INACTIVE} or {@code TRIAL_OVERDUE}. */
    public record ReviewItem(UUID tenantId, String tenantName, String reason, @Nullable Instant lastActivityAt, Instant createdAt,
                             String subscriptionStatus, String status, @Nullable String flagReason) {
    }

    private record LimitRow(UUID tenantId, String name, int seats, int seatLimit, int monthUsed, int monthLimit, int sentPrevious30Days) {
    }

    private static final String QUIET_SINCE = "coalesce(last_activity_at, created_at) < now() - make_interval(days => :inactive)";

    private final JdbcClient jdbc;

    ReviewLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ApproachingLimit> approachingLimits(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw InvalidInput.of("threshold", "threshold must be above 0 and at most 1 (0.8 = 80 %)");
        }
        List<LimitRow> rows = jdbc.sql("""
                SELECT tenant_id, name, seats_used, seat_limit, %s AS month_used, monthly_envelope_limit, envelopes_previous_30_days
                  FROM tenant_manifest
                 WHERE status = 'ACTIVE' AND seat_limit IS NOT NULL AND %s
                 ORDER BY name, tenant_id""".formatted(ManifestStore.MONTH_USED, ManifestStore.AT_SHARE_OF_A_QUOTA))
                .param("threshold", threshold)
                .query((rs, n) -> new LimitRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7)))
                .list();
        List<ApproachingLimit> items = new ArrayList<>();
        for (LimitRow row : rows) {
            if (row.seats() >= threshold * row.seatLimit()) {
                items.add(new ApproachingLimit(row.tenantId(), row.name(), "seats", row.seats(), row.seatLimit(), null));
            }
            if (row.monthUsed() >= threshold * row.monthLimit()) {
                items.add(new ApproachingLimit(row.tenantId(), row.name(), "monthlyEnvelopes", row.monthUsed(), row.monthLimit(),
                        projected(row.monthUsed(), row.monthLimit(), row.sentPrevious30Days())));
            }
        }
        return items;
    }

    public List<ReviewItem> complianceReview(int inactiveDays, int trialDays) {
        if (inactiveDays < 1 || trialDays < 1) {
            throw InvalidInput.of(inactiveDays < 1 ? "inactiveDays" : "trialDays", "inactiveDays and trialDays must be at least 1");
        }
        return jdbc.sql("""
                SELECT tenant_id, name,
                       CASE WHEN flag_reason IS NOT NULL THEN 'FLAGGED' WHEN %s THEN 'INACTIVE' ELSE 'TRIAL_OVERDUE' END AS reason,
                       last_activity_at, created_at, subscription_status, status, flag_reason
                  FROM tenant_manifest
                 WHERE status NOT IN ('DEACTIVATED', 'PURGED')
                   AND (flag_reason IS NOT NULL OR %s
                        OR (subscription_status = 'TRIALING' AND created_at < now() - make_interval(days => :trial)))
                 ORDER BY flag_reason IS NULL, coalesce(last_activity_at, created_at), tenant_id""".formatted(QUIET_SINCE, QUIET_SINCE))
                .param("inactive", inactiveDays).param("trial", trialDays)
                .query((rs, n) -> new ReviewItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    /** The day the monthly quota is reached at the previous 30 days' daily average; null when over already or not this month. */
    static @Nullable LocalDate projected(long used, long limit, long sentPrevious30Days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (used >= limit) {
            return today;
        }
        if (sentPrevious30Days == 0) {
            return null;
        }
        double perDay = sentPrevious30Days / 30.0;
        LocalDate reached = today.plusDays((long) Math.ceil((limit - used) / perDay));
        return reached.isAfter(YearMonth.from(today).atEndOfMonth()) ? null : reached;
    }

    private static @Nullable Instant instant(@Nullable Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
