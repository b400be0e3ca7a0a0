package com.iusign.platform.telemetry;

import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantEvent;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps each tenant's name, plan limits and statuses next to its usage, from lifecycle events
 * (re-reading the tenant, so a redelivered or late event writes the current truth), and fills
 * them in the background at start-up for tenants that predate this table.
 */
@Component
class TenantFactsProjection implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenantFactsProjection.class);

    private final UsageStore store;
    private final TenantLifecycle lifecycle;
    private final UsageAnnouncer announcer;

    TenantFactsProjection(UsageStore store, TenantLifecycle lifecycle, UsageAnnouncer announcer) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.announcer = announcer;
    }

    @ApplicationModuleListener
    void on(TenantEvent event) {
        record(lifecycle.get(event.tenantId()));
        announcer.announce(event.tenantId().value());
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.tenantsWithFacts() >= lifecycle.countTenants()) {
            return;
        }
        Thread.ofVirtual().name("telemetry-tenant-facts").start(() -> {
            TenantId after = null;
            int count = 0;
            List<Tenant> page;
            do {
                page = lifecycle.tenantsAfter(after, 500);
                page.forEach(this::record);
                count += page.size();
                after = page.isEmpty() ? after : page.getLast().id();
            } while (page.size() == 500);
            log.info("Telemetry recorded the plan and status of {} tenants", count);
        });
    }

    private void record(Tenant tenant) {
        Plan plan = lifecycle.plans().stream().filter(p -> p.code().equals(tenant.plan())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenant.id().value() + " is on unknown plan " + tenant.plan()));
        store.tenantFacts(tenant.id().value(), tenant.name(), tenant.plan(), plan.seatLimit(), plan.monthlyEnvelopeLimit(),
                tenant.subscriptionStatus().name(), tenant.status().name(), tenant.createdAt());
    }
}
