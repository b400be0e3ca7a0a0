package com.iusign.platform.telemetry;

import com.iusign.platform.kernel.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SuperAdmins' review lists. "Approaching limits" (proactive support): active tenants at or
 * above a share of their seat or monthly envelope quota, with the date the envelope quota will
 * be reached at the last 30 days' pace (none when that pace does not reach it this month).
 * "Compliance review": flagged tenants (see {@link TenantFlags}), tenants without activity for N
 * days, and tenants still TRIALING more than the trial period after creation.
 */
@Service
@Transactional(readOnly = true)
public class UsageReports {

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

    record LimitRow(UUID tenantId, String name, int seats, int seatLimit, int monthUsed, int monthLimit, long sentLast30Days) {
    }

    record ReviewRow(UUID tenantId, String name, String reason, @Nullable Instant lastActivityAt, Instant createdAt, String subscription,
                     String status, @Nullable String flagReason) {
    }

    private final UsageStore store;

    UsageReports(UsageStore store) {
        this.store = store;
    }

    public List<ApproachingLimit> approachingLimits(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw InvalidInput.of("threshold", "threshold must be above 0 and at most 1 (0.8 = 80 %)");
        }
        List<ApproachingLimit> items = new ArrayList<>();
        for (LimitRow row : store.nearLimits(threshold)) {
            if (row.seats() >= threshold * row.seatLimit()) {
                items.add(new ApproachingLimit(row.tenantId(), row.name(), "seats", row.seats(), row.seatLimit(), null));
            }
            if (row.monthUsed() >= threshold * row.monthLimit()) {
                items.add(new ApproachingLimit(row.tenantId(), row.name(), "monthlyEnvelopes", row.monthUsed(), row.monthLimit(),
                        projected(row.monthUsed(), row.monthLimit(), row.sentLast30Days())));
            }
        }
        return items;
    }

    public List<ReviewItem> complianceReview(int inactiveDays, int trialDays) {
        if (inactiveDays < 1 || trialDays < 1) {
            throw InvalidInput.of(inactiveDays < 1 ? "inactiveDays" : "trialDays", "inactiveDays and trialDays must be at least 1");
        }
        return store.forReview(inactiveDays, trialDays).stream().map(row -> new ReviewItem(row.tenantId(), row.name(), row.reason(),
                row.lastActivityAt(), row.createdAt(), row.subscription(), row.status(), row.flagReason())).toList();
    }

    /** The day the monthly quota is reached at the last 30 days' daily average; null when over already or not this month. */
    static @Nullable LocalDate projected(long used, long limit, long sentLast30Days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (used >= limit) {
            return today;
        }
        if (sentLast30Days == 0) {
            return null;
        }
        double perDay = sentLast30Days / 30.0;
        LocalDate reached = today.plusDays((long) Math.ceil((limit - used) / perDay));
        return reached.isAfter(YearMonth.from(today).atEndOfMonth()) ? null : reached;
    }
}
