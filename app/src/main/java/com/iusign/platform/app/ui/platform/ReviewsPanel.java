package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.tenants.TenantDetailView;
import com.iusign.platform.telemetry.UsageReports;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import java.time.Instant;

/**
 * Reviews (UI.md: a section of Platform until it grows): tenants at 80 % of a quota for proactive
 * support, and tenants for compliance review (inactive 90 days, trial overdue after 30 days).
 * A row opens the tenant, where suspension or deactivation asks for the reason.
 */
final class ReviewsPanel extends Div {

    ReviewsPanel(UsageReports reports) {
        addClassName("platform-section");
        Grid<UsageReports.ApproachingLimit> limits = new Grid<>();
        limits.setId("approaching-limits");
        limits.addThemeVariants(GridVariant.LUMO_COMPACT);
        limits.addColumn(UsageReports.ApproachingLimit::tenantName).setHeader("Tenant").setFlexGrow(2);
        limits.addColumn(item -> item.quota().equals("seats") ? "Seats" : "Envelopes this month").setHeader("Quota").setAutoWidth(true);
        limits.addColumn(item -> String.format("%,d / %,d%s", item.usage(), item.limit(), item.over() ? " (over)" : ""))
                .setHeader("Usage").setAutoWidth(true);
        limits.addColumn(item -> item.projectedAt() == null ? (item.quota().equals("seats") ? "—" : "not this month")
                : item.projectedAt().toString()).setHeader("Reached at current pace").setAutoWidth(true);
        limits.setItems(reports.approachingLimits(0.8));
        limits.setAllRowsVisible(true);
        limits.addItemClickListener(click -> open(click.getItem().tenantId().toString()));

        Grid<UsageReports.ReviewItem> review = new Grid<>();
        review.setId("compliance-review");
        review.addThemeVariants(GridVariant.LUMO_COMPACT);
        review.addColumn(UsageReports.ReviewItem::tenantName).setHeader("Tenant").setFlexGrow(2);
        review.addColumn(item -> item.reason().equals("INACTIVE") ? "No activity for 90 days" : "Trialing for over 30 days")
                .setHeader("Why").setAutoWidth(true);
        review.addColumn(item -> item.lastActivityAt() == null ? "never" : Times.relativeText(item.lastActivityAt(), Instant.now()))
                .setHeader("Last activity").setAutoWidth(true);
        review.addColumn(item -> Times.relativeText(item.createdAt(), Instant.now())).setHeader("Created").setAutoWidth(true);
        review.addColumn(item -> item.status().toLowerCase() + " · " + item.subscriptionStatus().toLowerCase()).setHeader("Status")
                .setAutoWidth(true);
        review.setItems(reports.complianceReview(90, 30));
        review.setAllRowsVisible(true);
        review.addItemClickListener(click -> open(click.getItem().tenantId().toString()));

        add(new H2("Approaching limits"), new Paragraph("Active tenants at 80 % or more of their seat or monthly envelope quota."), limits,
                new H2("Compliance review"), new Paragraph("Tenants without activity for 90 days, and trials older than 30 days."), review);
    }

    private void open(String tenantId) {
        getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, tenantId));
    }
}
