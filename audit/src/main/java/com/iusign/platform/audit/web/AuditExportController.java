package com.iusign.platform.audit.web;

import com.iusign.platform.audit.AuditExport;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.web.RequestValues;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.security.Principal;

/**
 * {@code GET /api/admin/audit/export?tenantId=&from=&to=}: the trail (one tenant's, or the
 * platform's without {@code tenantId}) as JSON Lines ending in a signed manifest; see {@link AuditExport}.
 * {@code from}/{@code to} are ISO-8601 instants, {@code to} exclusive.
 */
@RestController
class AuditExportController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AuditExport export;
    private final TenantLifecycle lifecycle;

    AuditExportController(AuditExport export, TenantLifecycle lifecycle) {
        this.export = export;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/api/admin/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) @Nullable TenantId tenantId,
                                                 @RequestParam(required = false) @Nullable String from,
                                                 @RequestParam(required = false) @Nullable String to, Principal caller) {
        if (tenantId != null) {
            lifecycle.get(tenantId);
        }
        AuditExport.Range range = new AuditExport.Range(tenantId == null ? null : tenantId.value(), RequestValues.instant("from", from), RequestValues.instant("to", to));
        Actor by = Actor.apiClient(caller.getName());
        StreamingResponseBody body = output -> export.write(range, by, output);
        String name = "audit-" + (tenantId == null ? "platform" : tenantId.value().toString()) + ".jsonl";
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }
}
