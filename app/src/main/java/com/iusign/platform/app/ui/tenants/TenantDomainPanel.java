package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.domains.DomainCheck;
import com.iusign.platform.domains.DomainDiagnosis;
import com.iusign.platform.domains.DomainDiagnostics;
import com.iusign.platform.domains.TenantDomains;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.LitRenderer;

import java.util.concurrent.CompletableFuture;

/**
 * The Domain tab: what the tenant must publish (the ownership TXT record) and "Run checks", which
 * runs DNS and TLS checks off the UI thread — the page stays usable and polls for the result —
 * then shows each check's verdict, what was found and the fix.
 */
final class TenantDomainPanel extends Div {

    private final TenantDomains domains;
    private final Tenant tenant;
    private final Grid<DomainCheck> checks = new Grid<>();
    private final ProgressBar progress = new ProgressBar();
    private final Span checkedAt = new Span();
    private final Button run = new Button("Run checks", VaadinIcon.STETHOSCOPE.create());

    TenantDomainPanel(TenantDomains domains, Tenant tenant) {
        this.domains = domains;
        this.tenant = tenant;
        setId("domain-panel");
        addClassName("domain-panel");
        if (tenant.customDomain() == null || tenant.customDomain().isBlank()) {
            add(new Paragraph("No custom domain is set for " + tenant.name() + ": its users reach the platform's own address."
                    + " Set one with More → Edit to check it here."));
            return;
        }
        String record = DomainDiagnostics.verificationRecord(tenant.customDomain());
        Paragraph publish = new Paragraph("Ownership: the tenant publishes a TXT record " + record + " with the value ");
        Span token = new Span(domains.verificationToken(tenant.id()));
        token.setId("domain-token");
        token.addClassName("tenant-id");
        publish.add(token);
        run.setId("domain-run-checks");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> start());
        run.getStyle().set("align-self", "flex-start");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        checkedAt.addClassName("secondary-text");
        checks.setId("domain-checks");
        checks.addColumn(LitRenderer.<DomainCheck>of("<span class='status-badge check-${item.status}'>${item.label}</span>")
                .withProperty("status", check -> check.status().name()).withProperty("label", check -> check.status().label())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        checks.addColumn(DomainCheck::check).setHeader("Check").setAutoWidth(true).setFlexGrow(0);
        checks.addColumn(DomainCheck::detail).setHeader("Found").setFlexGrow(3);
        checks.addColumn(DomainCheck::fix).setHeader("Fix").setFlexGrow(2);
        checks.setAllRowsVisible(true);
        checks.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        checks.setVisible(false);
        add(new Paragraph("Custom domain: " + tenant.customDomain()), publish, run, progress, checkedAt, checks);
    }

    private void start() {
        UI ui = UI.getCurrent();
        run.setEnabled(false);
        progress.setVisible(true);
        checkedAt.setText("Checking DNS and TLS of " + tenant.customDomain() + "… (at most a few seconds per step)");
        ui.setPollInterval(500);
        CompletableFuture.supplyAsync(() -> domains.diagnose(tenant.id()))
                .whenComplete((diagnosis, failure) -> ui.access(() -> {
                    ui.setPollInterval(-1);
                    run.setEnabled(true);
                    progress.setVisible(false);
                    if (failure != null) {
                        checkedAt.setText("The checks could not run: " + failure.getMessage());
                    } else {
                        show(diagnosis);
                    }
                }));
    }

    private void show(DomainDiagnosis diagnosis) {
        long failed = diagnosis.checks().stream().filter(check -> check.status() == DomainCheck.Status.FAIL).count();
        checkedAt.setText("Checked " + Times.exact(diagnosis.checkedAt()) + ": " + (failed == 0 ? "no check failed" : failed + " failed"));
        checks.setItems(diagnosis.checks());
        checks.setVisible(true);
    }
}
