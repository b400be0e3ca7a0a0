package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.tenants.ReasonDialog;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;

import java.util.function.Function;

/** Four-eyes requests waiting for a second SuperAdmin, the soonest to expire first; approve or reject each with a reason. */
class ApprovalsPanel extends Div {

    private final Approvals approvals;
    private final Function<String, Change> change;
    private final Grid<Approval> grid = new Grid<>();

    ApprovalsPanel(Approvals approvals, Function<String, Change> change) {
        this.approvals = approvals;
        this.change = change;
        addClassName("platform-section");
        grid.setId("approvals-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Approval::summary).setHeader("Request").setFlexGrow(3);
        grid.addColumn(approval -> approval.requestedBy().name() + ": \u201c" + approval.reason() + "\u201d").setHeader("Asked by, why")
                .setFlexGrow(2);
        grid.addComponentColumn(approval -> Times.relative(approval.expiresAt())).setHeader("Expires").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setEmptyStateText("Nothing waits for a second SuperAdmin.");
        grid.setAllRowsVisible(true);
        add(new H2("Approvals"), grid);
        refresh();
    }

    private Component actions(Approval approval) {
        Button approve = new Button("Approve…", click -> decide(approval, true));
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_TERTIARY_INLINE);
        approve.setId("approval-approve-" + approval.id());
        Button reject = new Button("Reject…", click -> decide(approval, false));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
        reject.setId("approval-reject-" + approval.id());
        HorizontalLayout actions = new HorizontalLayout(approve, reject);
        if (approval.tenantId() != null) {
            actions.add(new RouterLink("Tenant", com.iusign.platform.app.ui.tenants.TenantDetailView.class, approval.tenantId().toString()));
        }
        return actions;
    }

    private void decide(Approval approval, boolean approve) {
        new ReasonDialog(approve ? "Approve this request?" : "Reject this request?", approval.summary() + ".",
                approve ? "Approve and carry out" : "Reject", change, decision -> {
            try {
                if (approve) {
                    approvals.approve(approval.id(), decision);
                    Actions.succeeded("Approved and carried out: " + approval.summary());
                } else {
                    approvals.reject(approval.id(), decision);
                    Actions.succeeded("Closed: " + approval.summary());
                }
            } catch (InvalidInput e) {
                throw e;
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
            refresh();
        }).open();
    }

    private void refresh() {
        grid.setItems(approvals.pending());
    }
}
