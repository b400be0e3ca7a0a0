package com.iusign.platform.audit.web;

import com.iusign.platform.audit.AuditPage;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.RequestValues;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/** {@code GET /api/admin/audit}: the trail newest first, filtered and paged with an opaque cursor. */
@RestController
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/admin/audit")
    AuditPage find(@RequestParam(required = false) @Nullable TenantId tenantId,
                   @RequestParam(required = false) @Nullable String action,
                   @RequestParam(required = false) @Nullable String actor,
                   @RequestParam(required = false) @Nullable String cursor,
                   @RequestParam(required = false, defaultValue = "50") String size,
                   @RequestParam(required = false) @Nullable String from,
                   @RequestParam(required = false) @Nullable String to) {
        return trail.find(new AuditQuery(tenantId == null ? null : tenantId.value(), action, actor, cursor(cursor), size(size),
                RequestValues.instant("from", from), RequestValues.instant("to", to)));
    }

    /** Every action type the trail holds: what {@code action} can usefully be. */
    @GetMapping("/api/admin/audit/actions")
    java.util.List<String> actions() {
        return trail.actions();
    }

    private static @Nullable Long cursor(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid("cursor", "Not a cursor this API returned; start again without it");
    }

    private static int size(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= AuditQuery.MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid("size", "size must be a whole number from 1 to " + AuditQuery.MAX_SIZE);
    }

    private static InvalidInput invalid(String field, String message) {
        return InvalidInput.of(field, message);
    }
}
