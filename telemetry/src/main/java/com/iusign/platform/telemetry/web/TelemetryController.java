package com.iusign.platform.telemetry.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.DailyUsage;
import com.iusign.platform.telemetry.ResyncResult;
import com.iusign.platform.telemetry.TelemetrySnapshot;
import com.iusign.platform.telemetry.TenantTelemetry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's usage for SuperAdmins: snapshot, daily series and re-sync. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/telemetry")
class TelemetryController {

    record SeriesBody(UUID tenantId, List<DailyUsage> points) {
    }

    /** The re-synced snapshot and, per counter that was wrong, its value before and after. */
    record ResyncBody(@JsonUnwrapped TelemetrySnapshot snapshot, Map<String, ResyncResult.Correction> corrected) {
    }

    private final TenantTelemetry telemetry;

    TelemetryController(TenantTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    @GetMapping
    TelemetrySnapshot snapshot(@PathVariable TenantId tenantId) {
        return telemetry.snapshot(tenantId);
    }

    @GetMapping("/series")
    SeriesBody series(@PathVariable TenantId tenantId, @RequestParam(defaultValue = "90") String days) {
        int count;
        try {
            count = Integer.parseInt(days);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("days", "days must be a whole number from 1 to 366");
        }
        return new SeriesBody(tenantId.value(), telemetry.series(tenantId, count));
    }

    @PostMapping("/resync")
    ResyncBody resync(@PathVariable TenantId tenantId) {
        ResyncResult result = telemetry.resync(tenantId);
        return new ResyncBody(result.snapshot(), result.corrected());
    }
}
