package com.iusign.platform.audit;

import com.iusign.platform.lifecycle.TenantEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Appends every lifecycle event to the trail inside the transaction that caused it: a change
 * whose audit entry cannot be written is rolled back, so nothing governs a tenant unaudited.
 * (A deliberate deviation from the asynchronous {@code @ApplicationModuleListener}: an audit trail
 * that may lag or miss is not one.) Redelivery is harmless: the event id is unique in the trail.
 */
@Component
class TenantEventAuditor {

    private final AuditStore store;

    TenantEventAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(TenantEvent event) {
        store.append(new AuditRecord(event.eventId(), event.tenantId().value(), event.at(), event.change().by().kind().name(),
                event.change().by().name(), event.action(), event.change().reason(), event.change().ticket(), event.before(),
                event.after(), event.change().correlationId()));
    }
}
