package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.telemetry.ResyncJob;
import com.iusign.platform.telemetry.ResyncJobs;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;

import java.util.function.Supplier;

/** "Re-sync all tenants": starts the job (or joins the running one) and follows its progress while this view is open. */
final class ResyncAllPanel extends Div {

    private final ResyncJobs jobs;
    private final Supplier<String> admin;
    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Span status = new Span();
    private final Button start = new Button("Re-sync all tenants", VaadinIcon.REFRESH.create());
    private Registration polling;

    ResyncAllPanel(ResyncJobs jobs, Supplier<String> admin) {
        this.jobs = jobs;
        this.admin = admin;
        addClassName("platform-section");
        setId("resync-all");
        start.setId("resync-all-start");
        start.addClickListener(click -> {
            // Recounting every tenant loads the database for minutes at a million tenants: asked, not started by a stray click.
            ConfirmDialog confirm = new ConfirmDialog("Re-sync every tenant?", "Recounts each tenant's usage from the source tables"
                    + " and corrects drift, one tenant at a time in the background; progress shows here. Nothing else changes.",
                    "Re-sync all", event -> show(jobs.start(admin.get())));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("primary");
            confirm.setId("resync-all-confirm");
            confirm.open();
        });
        status.addClassName("secondary-text");
        progress.getElement().setAttribute("aria-label", "Progress of the re-sync of all tenants");
        add(new H2("Telemetry"), new Span("Recount every tenant's usage from the source tables and correct drift. "), start, status, progress);
        jobs.latest().ifPresentOrElse(this::show, () -> progress.setVisible(false));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(poll -> jobs.latest().ifPresent(this::show));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    private void show(ResyncJob job) {
        boolean running = job.status().equals("RUNNING");
        progress.setVisible(true);
        progress.setValue(job.percent());
        start.setEnabled(!running);
        status.setText(switch (job.status()) {
            case "RUNNING" -> String.format("Re-syncing: %,d of %,d tenants (%d %%), %,d corrected so far", job.processed(), job.total(),
                    job.percent(), job.correctedTenants());
            case "COMPLETED" -> String.format("Last re-sync %s: %,d tenants, %,d had drifted and were corrected",
                    Times.exact(job.finishedAt()), job.processed(), job.correctedTenants());
            default -> "Last re-sync failed after " + job.processed() + " tenants: " + job.error();
        });
        UI.getCurrent().setPollInterval(running ? 1000 : -1);
    }
}
