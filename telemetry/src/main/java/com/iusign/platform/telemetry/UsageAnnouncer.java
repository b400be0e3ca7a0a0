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
        Instant now = Instant.now();
        store.row(tenantId).ifPresent(row -> {
            UsageStore.RecentVolume recent = store.recentVolume(tenantId, UsageStore.dayOf(now));
            events.publishEvent(new TenantUsageChanged(UUID.randomUUID(), tenantId, row.thisMonth(UsageStore.monthOf(now)), UsageStore.monthOf(now),
                    row.seatsUsed(), row.activeUsers30d(), row.lastActivityAt(), recent.today(), recent.previous30Days(), row.asOf()));
        });
    }
}
