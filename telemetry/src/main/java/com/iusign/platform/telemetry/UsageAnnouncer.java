package com.iusign.platform.telemetry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Publishes a tenant's numbers as they now stand ({@link TenantUsageChanged}), within the transaction that changed them. */
@Component
class UsageAnnouncer {

    private final UsageStore store;
    private final ApplicationEventPublisher events;

    UsageAnnouncer(UsageStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    void announce(UUID tenantId) {
        store.row(tenantId).ifPresent(row -> events.publishEvent(new TenantUsageChanged(tenantId,
                row.thisMonth(UsageStore.monthOf(Instant.now())), UsageStore.monthOf(Instant.now()), row.seatsUsed(), row.seatLimit(),
                row.monthlyEnvelopeLimit(), row.activeUsers30d(), row.lastActivityAt(), row.asOf())));
    }
}
