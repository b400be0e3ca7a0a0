package com.iusign.platform.inventory.web;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.inventory.ReviewLists;
import com.iusign.platform.inventory.ReviewLists.ApproachingLimit;
import com.iusign.platform.inventory.ReviewLists.ReviewItem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The SuperAdmins' review lists: tenants approaching their quotas, and tenants for compliance review. */
@RestController
@RequestMapping("/api/admin/reports")
class ReportsController {

    record ApproachingLimitsBody(double threshold, List<LimitBody> items) {
    }

    record LimitBody(UUID tenantId, String tenantName, String quota, long usage, long limit, boolean over, @Nullable LocalDate projectedAt) {

        static LimitBody of(ApproachingLimit item) {
            return new LimitBody(item.tenantId(), item.tenantName(), item.quota(), item.usage(), item.limit(), item.over(), item.projectedAt());
        }
    }

    record ComplianceReviewBody(int inactiveDays, int trialDays, List<ReviewItem> items) {
    }

    private final ReviewLists reports;

    ReportsController(ReviewLists reports) {
        this.reports = reports;
    }

    @GetMapping("/approaching-limits")
    ApproachingLimitsBody approachingLimits(@RequestParam(defaultValue = "0.8") String threshold) {
        double share;
        try {
            share = Double.parseDouble(threshold);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("threshold", "threshold must be a number such as 0.8");
        }
        return new ApproachingLimitsBody(share, reports.approachingLimits(share).stream().map(LimitBody::of).toList());
    }

    @GetMapping("/compliance-review")
    ComplianceReviewBody complianceReview(@RequestParam(defaultValue = "90") int inactiveDays, @RequestParam(defaultValue = "30") int trialDays) {
        return new ComplianceReviewBody(inactiveDays, trialDays, reports.complianceReview(inactiveDays, trialDays));
    }
}
