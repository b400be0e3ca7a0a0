package com.iusign.platform.telemetry.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.BlastRadii;
import com.iusign.platform.telemetry.BlastRadius;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The blast radius of suspending, deactivating or flushing a tenant, as the console's dialogs show
 * it before confirming — for automation that wants the same preview before it acts.
 */
@RestController
class BlastRadiusController {

    record BlastRadiusBody(UUID tenantId, @JsonUnwrapped BlastRadius radius) {
    }

    private final BlastRadii radii;

    BlastRadiusController(BlastRadii radii) {
        this.radii = radii;
    }

    @GetMapping("/api/admin/tenants/{tenantId}/blast-radius")
    BlastRadiusBody of(@PathVariable TenantId tenantId) {
        return new BlastRadiusBody(tenantId.value(), radii.of(tenantId));
    }
}
