package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.telemetry.UsageReports;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** The SuperAdmins' review lists: tenants approaching their quotas, and tenants for compliance review. */
@RestController
@RequestMapping("/api/admin/reports")
class ReportsController {

    private final UsageReports reports;

    ReportsController(UsageReports reports) {
        this.reports = reports;
    }

    @GetMapping("/approaching-limits")
    Map<String, Object> approachingLimits(@RequestParam(defaultValue = "0.8") String threshold) {
        double share;
        try {
            share = Double.parseDouble(threshold);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold must be a number such as 0.8");
        }
        return Map.of("threshold", share, "items", reports.approachingLimits(share).stream().map(item -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tenantId", item.tenantId().toString());
            row.put("tenantName", item.tenantName());
            row.put("quota", item.quota());
            row.put("usage", item.usage());
            row.put("limit", item.limit());
            row.put("over", item.over());
            row.put("projectedAt", item.projectedAt() == null ? null : item.projectedAt().toString());
            return row;
        }).toList());
    }

    @GetMapping("/compliance-review")
    Map<String, Object> complianceReview(@RequestParam(defaultValue = "90") int inactiveDays, @RequestParam(defaultValue = "30") int trialDays) {
        return Map.of("inactiveDays", inactiveDays, "trialDays", trialDays, "items", reports.complianceReview(inactiveDays, trialDays)
                .stream().map(item -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("tenantId", item.tenantId().toString());
                    row.put("tenantName", item.tenantName());
                    row.put("reason", item.reason());
                    row.put("lastActivityAt", item.lastActivityAt() == null ? null : item.lastActivityAt().toString());
                    row.put("createdAt", item.createdAt().toString());
                    row.put("subscriptionStatus", item.subscriptionStatus());
                    row.put("status", item.status());
                    row.put("flagReason", item.flagReason());
                    return row;
                }).toList());
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException e) {
        return TenantProblems.validation(Map.of("parameters", e.getMessage()), e.getMessage());
    }
}
