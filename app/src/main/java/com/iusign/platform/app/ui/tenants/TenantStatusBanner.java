package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantHistory;
import com.iusign.platform.lifecycle.TenantStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * Why a tenant is not active, at the top of its page: since when, by whom, the reason and the
 * ticket of the status change that put it there — what the SuperAdmin on call needs before they
 * decide to reactivate.
 */
class TenantStatusBanner extends Div {

    TenantStatusBanner(Tenant tenant, TenantHistory history) {
        setId("status-banner");
        addClassNames("retention-banner", "check-WARN");
        getElement().setAttribute("role", "status");
        TenantHistory.StatusEntry last = history.statusChanges().stream().filter(entry -> entry.to() == tenant.status())
                .findFirst().orElse(null);
        String state = tenant.status() == TenantStatus.SUSPENDED ? "Suspended" : tenant.status().label();
        if (last == null) {
            add(new Paragraph(state + " since " + Times.exact(tenant.statusChangedAt()) + "."));
            return;
        }
        Span since = Times.relative(last.at());
        Paragraph line = new Paragraph();
        line.add(new Span(state + " "), since, new Span(" by " + last.by().name() + ": "));
        Span reason = new Span(last.reason());
        reason.setId("status-banner-reason");
        reason.addClassName("blast-number");
        line.add(reason);
        if (last.ticket() != null) {
            line.add(new Span(" · ticket " + last.ticket()));
        }
        add(line);
        if (tenant.status() == TenantStatus.SUSPENDED) {
            add(new Paragraph("Its users are refused and its signing links show \"temporarily unavailable\" until it is reactivated."));
        }
    }
}
