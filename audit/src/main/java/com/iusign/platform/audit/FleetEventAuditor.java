package com.iusign.platform.audit;

import com.iusign.platform.fleet.FleetJobStarted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Appends the start of a fleet action to the trail, in the transaction that stores the job; each tenant's change has its own entry under the job's correlation id. */
@Component
class FleetEventAuditor {

    private final AuditStore store;

    FleetEventAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(FleetJobStarted event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), event.change().by().kind().name(), event.change().by().name(),
                "fleet.started", event.change().reason(), event.change().ticket(), Map.of(),
                Map.of("jobId", event.jobId().toString(), "action", event.action().name(), "selection", event.selection(),
                        "tenants", event.tenants()), "fleet-" + event.jobId()));
    }
}
