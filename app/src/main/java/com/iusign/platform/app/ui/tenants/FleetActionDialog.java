package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.fleet.FleetAction;
import com.iusign.platform.fleet.FleetJob;
import com.iusign.platform.fleet.FleetJobs;
import com.iusign.platform.fleet.FleetOutcome;
import com.iusign.platform.fleet.FleetSelection;
import com.iusign.platform.fleet.FleetTarget;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.BlastRadii;
import com.iusign.platform.telemetry.BlastRadius;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The Global Suspension tool's dialog: what the selection reaches (its tenants and their summed
 * blast radius, counted in the background while the SuperAdmin writes the reason), a reason and
 * ticket, the number of tenants typed out above {@link FleetJobs#CONFIRM_ABOVE}, then the job's
 * progress and each tenant's outcome — the dialog can be closed meanwhile; the job runs on.
 */
class FleetActionDialog extends Dialog {

    private static final int COUNT_CHUNK = 50;

    private final FleetJobs jobs;
    private final FleetAction action;
    private final FleetSelection selection;
    private final List<FleetTarget> targets;
    private final VerticalLayout content = new VerticalLayout();
    private final Div radius = new Div();
    private final TextArea reason = new TextArea("Reason");
    private final TextField ticket = new TextField("Ticket or incident (optional)");
    private final TextField typedCount = new TextField();
    private final Button confirm = new Button();
    private final Button cancel = new Button("Cancel", click -> close());
    private final FieldErrors errors = new FieldErrors(Map.of("reason", reason, "ticket", ticket, "confirmCount", typedCount));
    private volatile boolean closed;
    private Registration polling;

    FleetActionDialog(FleetJobs jobs, BlastRadii radii, FleetAction action, FleetSelection selection, List<FleetTarget> targets,
                      BiFunction<String, String, Change> change) {
        this.jobs = jobs;
        this.action = action;
        this.selection = selection;
        this.targets = targets;
        setId("fleet-dialog");
        setWidth("38rem");
        setHeaderTitle(action.verb() + " " + tenants(targets.size()) + "?");
        content.setPadding(false);
        radius.setId("fleet-radius");
        radius.setWidthFull();
        reason.setId("fleet-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setHelperText("Recorded for every tenant in its history and the audit trail, under this job's correlation id");
        ticket.setId("fleet-ticket");
        ticket.setWidthFull();
        content.add(new Paragraph(consequence(action) + " Selection: " + selection.description() + " — " + names(targets) + "."), radius, reason, ticket);
        confirm.setText(action.verb() + " " + tenants(targets.size()));
        confirm.setId("fleet-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, action == FleetAction.REACTIVATE ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        if (targets.size() > FleetJobs.CONFIRM_ABOVE) {
            typedCount.setId("fleet-typed-count");
            typedCount.setLabel("Type " + targets.size() + " (the number of tenants) to confirm");
            typedCount.setValueChangeMode(ValueChangeMode.EAGER);
            typedCount.setWidthFull();
            typedCount.addValueChangeListener(event -> confirm.setEnabled(String.valueOf(targets.size()).equals(event.getValue().strip())));
            confirm.setEnabled(false);
            content.add(typedCount);
        }
        add(content);
        confirm.addClickListener(click -> start(change));
        cancel.setId("fleet-close");
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                reason.focus();
                count(radii, UI.getCurrent());
            } else {
                closed = true;
                if (polling != null) {
                    polling.remove();
                }
            }
        });
    }

    /** Counts the blast radius in chunks off the request thread, showing each partial sum as it grows (server push). */
    private void count(BlastRadii radii, UI ui) {
        radius.add(new Span("Counting the blast radius…"));
        List<TenantId> ids = targets.stream().map(FleetTarget::tenantId).toList();
        Thread.ofVirtual().name("fleet-blast-radius").start(() -> {
            try {
                sumInChunks(radii, ui, ids);
            } catch (com.vaadin.flow.component.UIDetachedException e) {
                closed = true;
            }
        });
    }

    private void sumInChunks(BlastRadii radii, UI ui, List<TenantId> ids) {
        BlastRadius sum = null;
        for (int from = 0; from < ids.size() && !closed; from += COUNT_CHUNK) {
            BlastRadius chunk = radii.of(ids.subList(from, Math.min(ids.size(), from + COUNT_CHUNK)));
            sum = sum == null ? chunk : BlastRadius.sum(sum, chunk);
            BlastRadius shown = sum;
            int counted = Math.min(ids.size(), from + COUNT_CHUNK);
            ui.access(() -> {
                radius.removeAll();
                radius.add(new BlastRadiusSummary(shown, action == FleetAction.FLUSH ? BlastRadiusSummary.Reach.FLUSH
                        : BlastRadiusSummary.Reach.SUSPEND));
                if (counted < ids.size()) {
                    radius.add(new Span(String.format("Counted %,d of %,d tenants so far…", counted, ids.size())));
                }
            });
        }
    }

    private void start(BiFunction<String, String, Change> change) {
        errors.clear();
        FleetJob job;
        try {
            job = jobs.start(action, selection, change.apply(reason.getValue(), ticket.getValue()), targets.size());
        } catch (InvalidInput e) {
            errors.show(e.fieldErrors());
            return;
        }
        confirm.setVisible(false);
        cancel.setText("Close — the job runs on");
        content.removeAll();
        ProgressBar progress = new ProgressBar(0, 100);
        progress.setId("fleet-progress");
        progress.getElement().setAttribute("aria-label", "Fleet job progress");
        Span status = new Span();
        status.setId("fleet-status");
        Grid<FleetOutcome> outcomes = new Grid<>();
        outcomes.setId("fleet-outcomes");
        outcomes.addColumn(FleetOutcome::tenantName).setHeader("Tenant").setFlexGrow(2);
        outcomes.addColumn(outcome -> outcome.outcome() == null ? "waiting" : outcome.outcome().toLowerCase()).setHeader("Outcome").setAutoWidth(true);
        outcomes.addColumn(outcome -> outcome.detail() == null ? "" : outcome.detail()).setHeader("Detail").setFlexGrow(3);
        outcomes.setHeight("16rem");
        content.add(status, progress, outcomes);
        UI ui = UI.getCurrent();
        Runnable refresh = () -> show(jobs.get(job.id()).orElseThrow(), progress, status, outcomes, ui);
        refresh.run();
        polling = ui.addPollListener(poll -> refresh.run());
        ui.setPollInterval(500);
    }

    private void show(FleetJob job, ProgressBar progress, Span status, Grid<FleetOutcome> outcomes, UI ui) {
        progress.setValue(job.percent());
        status.setText(String.format("%s: %,d of %,d tenants — %,d done, %,d skipped, %,d failed%s", job.finished() ? "Finished" : "Running",
                job.processed(), job.total(), job.done(), job.skipped(), job.failed(), job.error() == null ? "" : " — " + job.error()));
        outcomes.setItems(jobs.outcomes(job.id(), 0, 1000));
        if (job.finished()) {
            cancel.setText("Close");
        }
        if (job.finished() && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private static String consequence(FleetAction action) {
        return switch (action) {
            case SUSPEND -> "Every user of these tenants is refused on the next request and their signing links show \"temporarily unavailable\".";
            case REACTIVATE -> "Users of these tenants can sign in again; sessions ended by the suspension stay ended.";
            case FLUSH -> "Every session of these tenants' users issued until now is refused on its next request; they can sign in again.";
        };
    }

    private static String names(List<FleetTarget> targets) {
        String shown = String.join(", ", targets.stream().limit(3).map(FleetTarget::name).toList());
        return targets.size() <= 3 ? shown : shown + String.format(" and %,d more", targets.size() - 3);
    }

    private static String tenants(int count) {
        return String.format("%,d tenant%s", count, count == 1 ? "" : "s");
    }
}
