package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.tenants.TenantDetailView;
import com.iusign.platform.compliance.TenantOutreach;
import com.iusign.platform.inventory.ReviewLists;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * "Approaching limits", for proactive support: each tenant at 80 % of a quota, when it reaches the
 * limit at its pace, when someone last contacted it — and, from the row, record an outreach
 * (optionally mailing the owner a notice) or change its plan, both with a reason and audited.
 */
final class ApproachingLimitsPanel extends Div {

    private final ReviewLists reports;
    private final TenantLifecycle lifecycle;
    private final TenantOutreach outreach;
    private final Function<String, Change> change;
    private final Grid<ReviewLists.ApproachingLimit> limits = new Grid<>();
    private Map<UUID, TenantOutreach.LastContact> contacts = Map.of();

    ApproachingLimitsPanel(ReviewLists reports, TenantLifecycle lifecycle, TenantOutreach outreach, Function<String, Change> change) {
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.outreach = outreach;
        this.change = change;
        limits.setId("approaching-limits");
        limits.addThemeVariants(GridVariant.LUMO_COMPACT);
        limits.addColumn(ReviewLists.ApproachingLimit::tenantName).setHeader("Tenant").setFlexGrow(2);
        limits.addColumn(item -> item.quota().equals("seats") ? "Seats" : "Envelopes this month").setHeader("Quota").setAutoWidth(true);
        limits.addColumn(item -> String.format("%,d / %,d%s", item.usage(), item.limit(), item.over() ? " (over)" : ""))
                .setHeader("Usage").setAutoWidth(true);
        limits.addColumn(item -> item.projectedAt() == null ? (item.quota().equals("seats") ? "—" : "not this month")
                : item.projectedAt().toString()).setHeader("Reached at current pace").setAutoWidth(true);
        limits.addColumn(item -> {
            TenantOutreach.LastContact last = contacts.get(item.tenantId());
            return last == null ? "never" : Times.relativeText(last.at(), java.time.Instant.now()) + " by " + last.by()
                    + (last.ownerMailed() ? ", owner mailed" : "");
        }).setHeader("Last contacted").setAutoWidth(true);
        limits.addComponentColumn(this::actions).setHeader("Support").setAutoWidth(true).setFlexGrow(0);
        limits.setAllRowsVisible(true);
        limits.setEmptyStateText("No active tenant is at 80 % of a quota.");
        limits.addItemDoubleClickListener(click -> getUI().ifPresent(ui -> ui.navigate(TenantDetailView.class, click.getItem().tenantId().toString())));
        add(new H2("Approaching limits"), new Paragraph("Active tenants at 80 % or more of their seat or monthly envelope quota."
                + " Contact them about an upgrade before they hit it; double-click opens a tenant."), limits);
        refresh();
    }

    private void refresh() {
        List<ReviewLists.ApproachingLimit> items = reports.approachingLimits(0.8);
        contacts = outreach.lastContacts(items.stream().map(ReviewLists.ApproachingLimit::tenantId).distinct().toList());
        limits.setItems(items);
    }

    private HorizontalLayout actions(ReviewLists.ApproachingLimit item) {
        Button contact = new Button("Contact…", click -> contactDialog(item).open());
        contact.setId("record-outreach-" + item.tenantId() + "-" + item.quota());
        contact.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button plan = new Button("Change plan…", click -> planDialog(item).open());
        plan.setId("change-plan-" + item.tenantId() + "-" + item.quota());
        plan.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(contact, plan);
        actions.setSpacing(true);
        return actions;
    }

    private Dialog contactDialog(ReviewLists.ApproachingLimit item) {
        Dialog dialog = new Dialog("Contact " + item.tenantName());
        TextArea note = new TextArea("What was said or offered");
        note.setId("outreach-note");
        note.setRequired(true);
        note.setWidthFull();
        Checkbox mail = new Checkbox("Also e-mail the owner a notice about the limit, with this note");
        mail.setId("outreach-mail-owner");
        FieldErrors errors = new FieldErrors(Map.of("reason", note));
        Button save = new Button("Record", click -> {
            errors.clear();
            try {
                outreach.record(new TenantId(item.tenantId()), mail.getValue(), change.apply(note.getValue()));
                Actions.succeeded("Outreach to " + item.tenantName() + " recorded" + (mail.getValue() ? "; the owner's notice is queued." : "."));
                dialog.close();
                refresh();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            }
        });
        save.setId("outreach-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout content = new VerticalLayout(note, mail);
        content.setPadding(false);
        dialog.add(content);
        dialog.setWidth("32rem");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        return dialog;
    }

    private Dialog planDialog(ReviewLists.ApproachingLimit item) {
        Dialog dialog = new Dialog("Change the plan of " + item.tenantName());
        var tenant = lifecycle.get(new TenantId(item.tenantId()));
        Select<String> plan = new Select<>();
        plan.setLabel("Plan");
        plan.setId("outreach-plan");
        plan.setItems(lifecycle.plans().stream().map(Plan::code).toList());
        plan.setValue(tenant.plan());
        TextArea reason = new TextArea("Reason");
        reason.setId("outreach-plan-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        FieldErrors errors = new FieldErrors(Map.of("reason", reason, "plan", plan));
        Button save = new Button("Change plan", click -> {
            errors.clear();
            try {
                lifecycle.update(tenant.id(), new UpdateTenant(null, plan.getValue(), null, null, tenant.version()), change.apply(reason.getValue()));
                Actions.succeeded(item.tenantName() + " is now on the " + plan.getValue() + " plan.");
                dialog.close();
                refresh();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            } catch (com.iusign.platform.kernel.Conflict e) {
                Actions.refused(e.getMessage() + " — reopen the dialog to see the tenant as it is.");
                dialog.close();
            }
        });
        save.setId("outreach-plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout content = new VerticalLayout(plan, reason);
        content.setPadding(false);
        dialog.add(content);
        dialog.setWidth("30rem");
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        return dialog;
    }
}
