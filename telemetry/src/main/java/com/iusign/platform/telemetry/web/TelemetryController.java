package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.telemetry.DailyUsage;
import com.iusign.platform.telemetry.ResyncResult;
import com.iusign.platform.telemetry.TelemetrySnapshot;
import com.iusign.platform.telemetry.TenantTelemetry;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's usage for SuperAdmins: snapshot, daily series and re-sync. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/telemetry")
class TelemetryController {

    private final TenantTelemetry telemetry;

    TelemetryController(TenantTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @GetMapping
    Map<String, Object> snapshot(@PathVariable String tenantId) {
        return json(telemetry.snapshot(TenantPaths.tenant(tenantId)));
    }

    @GetMapping("/series")
    Map<String, Object> series(@PathVariable String tenantId, @RequestParam(defaultValue = "90") String days) {
        int count;
        try {
            count = Integer.parseInt(days);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("days must be a whole number from 1 to 366");
        }
        List<DailyUsage> points = telemetry.series(TenantPaths.tenant(tenantId), count);
        return Map.of("tenantId", tenantId, "points", points.stream().map(point -> Map.of("day", point.day().toString(),
                "envelopesSent", point.envelopesSent(), "envelopesCompleted", point.envelopesCompleted(),
                "activeUsers", point.activeUsers())).toList());
    }

    @PostMapping("/resync")
    Map<String, Object> resync(@PathVariable String tenantId) {
        ResyncResult result = telemetry.resync(TenantPaths.tenant(tenantId));
        Map<String, Object> body = json(result.snapshot());
        Map<String, Object> corrected = new LinkedHashMap<>();
        result.corrected().forEach((counter, change) -> corrected.put(counter, Map.of("before", change.before(), "after", change.after())));
        body.put("corrected", corrected);
        return body;
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantNotFoundException e) {
        return TenantProblems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException e) {
        return TenantProblems.validation(Map.of("days", e.getMessage()), e.getMessage());
    }

    static Map<String, Object> json(TelemetrySnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenantId", snapshot.tenantId().toString());
        body.put("envelopesTotal", snapshot.envelopesTotal());
        body.put("envelopesThisMonth", snapshot.envelopesThisMonth());
        body.put("envelopesCompleted", snapshot.envelopesCompleted());
        body.put("activeUsers30d", snapshot.activeUsers30d());
        body.put("seatsUsed", snapshot.seatsUsed());
        body.put("seatLimit", snapshot.seatLimit());
        body.put("monthlyEnvelopeLimit", snapshot.monthlyEnvelopeLimit());
        body.put("lastActivityAt", snapshot.lastActivityAt() == null ? null : snapshot.lastActivityAt().toString());
        body.put("asOf", snapshot.asOf().toString());
        body.put("stale", snapshot.stale());
        body.put("resyncedAt", snapshot.resyncedAt() == null ? null : snapshot.resyncedAt().toString());
        body.put("driftCorrectedAt", snapshot.driftCorrectedAt() == null ? null : snapshot.driftCorrectedAt().toString());
        return body;
    }

}
