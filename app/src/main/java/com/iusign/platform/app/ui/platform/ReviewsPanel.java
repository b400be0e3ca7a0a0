package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.tenants.ReasonDialog;
import com.iusign.platform.lifecycle.BulkResult;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.iusign.platform.app.ui.tenants.TenantDetailView;
import com.iusign.platform.domains.DomainDiagnostics;
import com.iusign.platform.domains.TenantDomains;
import com.iusign.platform.inventory.ReviewLists;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import java.time.Instant;
import java.util.List;

/**
 * The Reviews view's compliance lists: tenants for compliance review (flagged, inactive 90 days,
 * trial overdue after 30 days) and certificates about to expire (approaching limits are
 * {@link ApproachingLimitsPanel}'s).
 * A row opens the tenant, where suspension or deactivation asks for the reason.
 */
final class ReviewsPanel extends Div {

    private final ReviewLists reports;
    private final TenantLifecycle lifecycle;
    private final AuthenticationContext authentication;
    private final Grid<ReviewLists.ReviewItem> review = new Grid<>();

    private final com.iusign.platform.telemetry.BlastRadii radii;

    ReviewsPanel(ReviewLists reports, TenantLifecycle lifecycle, AuthenticationContext authentication, TenantDomains domains,
                 com.iusign.platform.telemetry.BlastRadii radii) {
        this.radii = radii;
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.authentication = authentication;
        addClassName("platform-section");
        review.setId("compliance-review");
        review.setSelectionMode(Grid.SelectionMode.MULTI);
        review.addThemeVariants(GridVariant.LUMO_COMPACT);
        review.addColumn(ReviewLists.ReviewItem::tenantName).setHeader("Tenant").setFlexGrow(2);
        review.addColumn(item -> switch (item.reason()) {
            case "FLAGGED" -> "Flagged: " + item.flagReason();
            case "INACTIVE" -> "No activity for 90 days";
            default -> "Trialing for over 30 days";
        }).setHeader("Why").setFlexGrow(2);
        review.addColumn(item -> item.lastActivityAt() == null ? "never" : Times.relativeText(item.lastActivityAt(), Instant.now()))
                .setHeader("Last activity").setAutoWidth(true);
        review.addColumn(item -> Times.relativeText(item.createdAt(), Instant.now())).setHeader("Created").setAutoWidth(true);
        review.addColumn(item -> TenantStatus.valueOf(item.status()).label()).setHeader("Status").setAutoWidth(true);
        review.addColumn(item -> com.iusign.platform.lifecycle.SubscriptionStatus.valueOf(item.subscriptionStatus()).label())
                .setHeader("Subscription").setAutoWidth(true);
        review.setItems(reports.complianceReview(90, 30));
        review.setAllRowsVisible(true);
        review.setEmptyStateText("No tenant is flagged, inactive for 90 days or trialing for over 30 days.");
        review.addItemDoubleClickListener(click -> open(click.getItem().tenantId().toString()));
        Button suspend = new Button("Suspend selected…", click -> bulk("Suspend", TenantStatus.SUSPENDED));
        suspend.setId("review-suspend");
        suspend.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button deactivate = new Button("Deactivate and schedule purge…", click -> bulk("Deactivate", TenantStatus.DEACTIVATED));
        deactivate.setId("review-deactivate");
        deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        suspend.setEnabled(false);
        deactivate.setEnabled(false);
        review.addSelectionListener(selection -> {
            suspend.setEnabled(!selection.getAllSelectedItems().isEmpty());
            deactivate.setEnabled(!selection.getAllSelectedItems().isEmpty());
        });
        HorizontalLayout bulkActions = new HorizontalLayout(suspend, deactivate);

        add(new H2("Compliance review"), new Paragraph("Flagged tenants, tenants without activity for 90 days, and trials older than"
                        + " 30 days. Select rows to act on them; double-click opens a tenant."), bulkActions, review,
                new H2("Certificates expiring"), new Paragraph("Custom domains whose certificate ends within "
                        + DomainDiagnostics.EXPIRY_WARNING_DAYS + " days at their latest check (the sweep runs daily)."), expiring(domains));
    }

    private Grid<TenantDomains.ExpiringCertificate> expiring(TenantDomains domains) {
        Grid<TenantDomains.ExpiringCertificate> grid = new Grid<>();
        grid.setId("expiring-certificates");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(TenantDomains.ExpiringCertificate::domain).setHeader("Domain").setFlexGrow(2);
        grid.addColumn(item -> item.notAfter().isBefore(Instant.now()) ? "expired " + Times.exact(item.notAfter())
                : "ends " + Times.exact(item.notAfter())).setHeader("Certificate").setAutoWidth(true);
        grid.addColumn(item -> Times.relativeText(item.checkedAt(), Instant.now())).setHeader("Checked").setAutoWidth(true);
        grid.setItems(domains.expiringCertificates(DomainDiagnostics.EXPIRY_WARNING_DAYS));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No checked certificate ends within " + DomainDiagnostics.EXPIRY_WARNING_DAYS + " days.");
        grid.addItemClickListener(click -> open(click.getItem().tenantId().toString()));
        return grid;
    }

    private void bulk(String verb, TenantStatus target) {
        List<ReviewLists.ReviewItem> selected = List.copyOf(review.getSelectedItems());
        List<TenantId> ids = selected.stream().map(item -> new TenantId(item.tenantId())).toList();
        new ReasonDialog(verb + " " + ids.size() + " tenant(s)?", target == TenantStatus.SUSPENDED
                ? "Every user of these tenants is refused on the next request and their signing links show 'temporarily unavailable'."
                : "These tenants are decommissioned: no access, and their retention window starts; when it ends they are purged"
                        + " (every row deleted, keys destroyed) unless a legal hold stands.",
                new com.iusign.platform.app.ui.tenants.BlastRadiusSummary(radii.of(ids), target == TenantStatus.SUSPENDED
                        ? com.iusign.platform.app.ui.tenants.BlastRadiusSummary.Reach.SUSPEND
                        : com.iusign.platform.app.ui.tenants.BlastRadiusSummary.Reach.DEACTIVATE), verb,
                reason -> Actions.change(authentication, reason, null), change -> {
                    BulkResult result = target == TenantStatus.SUSPENDED ? lifecycle.bulkSuspend(ids, change) : lifecycle.bulkDeactivate(ids, change);
                    if (result.failed() == 0) {
                        Actions.succeeded(verb + ": " + result.succeeded() + " tenant(s) done. The reason is in each tenant's history.");
                    } else {
                        Actions.refused(verb + ": " + result.succeeded() + " done, " + result.failed() + " refused ("
                                + result.outcomes().stream().filter(outcome -> !outcome.succeeded()).map(BulkResult.Outcome::error)
                                .distinct().collect(java.util.stream.Collectors.joining("; ")) + ").");
                    }
                    review.setItems(reports.complianceReview(90, 30));
                }).open();
    }

    private void open(String tenantId) {
        getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, tenantId));
    }
}
