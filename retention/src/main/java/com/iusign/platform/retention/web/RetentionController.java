package com.iusign.platform.retention.web;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.lifecycle.TenantEndOfLife;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.retention.DestructionRecords;
import com.iusign.platform.retention.LegalHold;
import com.iusign.platform.retention.LegalHolds;
import com.iusign.platform.retention.TenantPurges;
import com.iusign.platform.security.Approval;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.Map;

/**
 * A tenant's end of life: {@code GET …/retention} (window, legal hold, purge progress);
 * {@code POST …/retention/legal-hold} and {@code …/legal-hold/release}; {@code POST …/retention/window}
 * {@code {"days", "reason"}} to extend the window; {@code POST …/retention/purge} and
 * {@code …/retention/restore} ask a second SuperAdmin (202 with the approval, decided at
 * {@code /api/admin/approvals}); {@code GET …/destruction-record} the signed record once purged.
 */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}")
class RetentionController {

    private final TenantPurges purges;
    private final LegalHolds holds;
    private final DestructionRecords records;
    private final TenantLifecycle lifecycle;
    private final TenantEndOfLife endOfLife;

    RetentionController(TenantPurges purges, LegalHolds holds, DestructionRecords records, TenantLifecycle lifecycle,
                        TenantEndOfLife endOfLife) {
        this.endOfLife = endOfLife;
        this.purges = purges;
        this.holds = holds;
        this.records = records;
        this.lifecycle = lifecycle;
    }

    record ReasonRequest(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record WindowRequest(@Nullable Integer days, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    @GetMapping("/retention")
    TenantPurges.RetentionState state(@PathVariable TenantId tenantId) {
        return purges.state(tenantId);
    }

    @PostMapping("/retention/legal-hold")
    @ResponseStatus(HttpStatus.CREATED)
    LegalHold hold(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable ReasonRequest body, Change change) {
        return holds.place(tenantId, change);
    }

    @PostMapping("/retention/legal-hold/release")
    LegalHold release(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable ReasonRequest body, Change change) {
        return holds.release(tenantId, change);
    }

    @PostMapping("/retention/window")
    TenantPurges.RetentionState window(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable WindowRequest body,
                                       Change change) {
        if (body == null || body.days() == null) {
            throw InvalidInput.of("days", "days is required: the retention window's length after deactivation");
        }
        endOfLife.extendRetention(tenantId, body.days(), change);
        return purges.state(tenantId);
    }

    @PostMapping("/retention/purge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Approval purge(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable ReasonRequest body, Change change) {
        return purges.requestPurge(tenantId, change);
    }

    @PostMapping("/retention/restore")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Approval restore(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable ReasonRequest body, Change change) {
        return purges.requestRestore(tenantId, change);
    }

    /** The compact JWS and, for reading, its payload decoded (verify the JWS, not the decoded copy). */
    @GetMapping("/destruction-record")
    Map<String, String> destructionRecord(@PathVariable TenantId tenantId) {
        lifecycle.get(tenantId);
        String jws = records.of(tenantId).orElseThrow(() -> new NotFound("The tenant has not been purged: there is no destruction record"));
        return Map.of("jws", jws, "payload", new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
