package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Fact;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.telemetry.TenantTelemetry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The tenant's Overview tab: its usage cards and chart, then the facts about the tenant, its users and its last flush. */
class TenantOverviewPanel extends Div {

    TenantOverviewPanel(Tenant tenant, TenantTelemetry telemetry, TenantUsers users, SessionRevocation sessions) {
        Div facts = new Div(
                Fact.of("Owner e-mail", new Span(tenant.ownerEmail())),
                Fact.of("Custom domain", new Span(Objects.requireNonNullElse(tenant.customDomain(), "none"))),
                Fact.of("Created", Times.relative(tenant.createdAt())),
                Fact.of("Status since", Times.relative(tenant.statusChangedAt())),
                Fact.of("Last change", Times.relative(tenant.updatedAt())),
                Fact.of("Users", new Span(userCounts(users, tenant))),
                Fact.of("Last session flush", sessions.lastFlush(tenant.id())
                        .map(flush -> (Component) new Span(Times.exact(flush.at()) + " by " + flush.by()))
                        .orElse(new Span("never"))));
        facts.addClassName("tenant-overview");
        add(new TenantUsagePanel(telemetry, tenant.id(), tenant.status().closed()), facts);
    }

    private static String userCounts(TenantUsers users, Tenant tenant) {
        var counts = users.countByStatus(tenant.id());
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> entry.getValue() + " " + entry.getKey().name().toLowerCase())
                .collect(Collectors.joining(", ")) + (tenant.status().closed() ? " — none can sign in: the tenant is " + tenant.status().label().toLowerCase() : "");
    }
}
