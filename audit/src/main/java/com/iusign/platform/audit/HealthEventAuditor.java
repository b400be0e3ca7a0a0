package com.iusign.platform.audit;

import com.iusign.platform.compliance.TenantFlagCleared;
import com.iusign.platform.compliance.TenantContacted;
import com.iusign.platform.compliance.TenantFlagged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Appends the compliance decisions to the trail: a tenant flagged as suspicious (by a SuperAdmin or
 * the burst rule), a flag cleared, a tenant contacted about its usage.
 */
@Component
class HealthEventAuditor {

    private final AuditStore store;

    HealthEventAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(TenantFlagged event) {
        store.append(new AuditRecord(event.eventId(), event.tenantId(), event.at(), event.change().by().kind().name(),
                event.change().by().name(), "tenant.flagged", event.change().reason(), event.change().ticket(), Map.of(),
                Map.of("automatic", event.automatic()), event.change().correlationId()));
    }

    @EventListener
    void on(TenantFlagCleared event) {
        store.append(new AuditRecord(event.eventId(), event.tenantId(), event.at(), event.change().by().kind().name(),
                event.change().by().name(), "tenant.flag-cleared", event.change().reason(), event.change().ticket(),
                Map.of("flagReason", event.flagReason()), Map.of(), event.change().correlationId()));
    }

    @EventListener
    void on(TenantContacted event) {
        store.append(new AuditRecord(event.eventId(), event.tenantId(), event.at(), event.change().by().kind().name(),
                event.change().by().name(), "tenant.contacted", event.change().reason(), event.change().ticket(), Map.of(),
                Map.of("ownerMailed", event.ownerMailed()), event.change().correlationId()));
    }
}
