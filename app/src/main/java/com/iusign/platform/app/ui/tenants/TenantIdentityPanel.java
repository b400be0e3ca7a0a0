package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.identity.OwnerAssignment;
import com.iusign.platform.identity.OwnerAssignments;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.UserRole;
import com.iusign.platform.identity.UserStatus;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A tenant's identity: its owner and admins, the owner changes — requested here with a reason,
 * carried out only when a second SuperAdmin approves (here, or in Reviews) — and the recovery
 * cases of its users ({@link RecoveryCasesSection}).
 */
class TenantIdentityPanel extends Div {

    private final TenantId tenantId;
    private final TenantUsers users;
    private final OwnerAssignments assignments;
    private final Approvals approvals;
    private final BiFunction<String, String, Change> change;
    private final Runnable changed;
    private final RecoveryCasesSection recovery;

    TenantIdentityPanel(TenantId tenantId, IdentityServices services, BiFunction<String, String, Change> change, Runnable changed) {
        this.tenantId = tenantId;
        this.users = services.users();
        this.assignments = services.assignments();
        this.approvals = services.approvals();
        this.change = change;
        this.changed = changed;
        this.recovery = new RecoveryCasesSection(tenantId, services, () -> users.list(tenantId), change);
        addClassName("identity-panel");
        render();
    }

    private void render() {
        removeAll();
        List<TenantUser> all = users.list(tenantId);
        List<Approval> tenantApprovals = approvals.ofTenant(tenantId);
        Grid<TenantUser> people = new Grid<>();
        people.setId("identity-people");
        people.addThemeVariants(GridVariant.LUMO_COMPACT);
        people.addColumn(TenantUser::email).setHeader("E-mail").setFlexGrow(2);
        people.addColumn(user -> user.role().name().toLowerCase()).setHeader("Role").setAutoWidth(true);
        people.addColumn(user -> user.status().name().toLowerCase() + (user.activated() ? "" : ", not activated"))
                .setHeader("Account").setAutoWidth(true);
        people.setItems(all.stream().filter(user -> user.role() != UserRole.MEMBER).toList());
        people.setAllRowsVisible(true);
        Button assign = new Button("Assign new owner…", click -> openAssignDialog(all));
        assign.setId("assign-owner");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H3("Owner and admins"), assign);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();

        Grid<OwnerAssignment> requests = new Grid<>();
        requests.setId("owner-assignments");
        requests.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        requests.addComponentColumn(assignment -> Times.relative(assignment.requestedAt())).setHeader("Requested").setAutoWidth(true);
        requests.addColumn(assignment -> assignment.targetEmail() + (assignment.targetUserId() == null ? " (invited)" : ""))
                .setHeader("New owner").setFlexGrow(2);
        // One read of the tenant's approvals per render, not one per row and column.
        java.util.Map<java.util.UUID, Approval> approvalOf = tenantApprovals.stream()
                .collect(java.util.stream.Collectors.toMap(Approval::id, approval -> approval));
        requests.addColumn(assignment -> approvalOf(approvalOf, assignment).requestedBy().name()).setHeader("Requested by").setFlexGrow(1);
        requests.addColumn(assignment -> describe(approvalOf(approvalOf, assignment), assignment)).setHeader("State").setFlexGrow(2);
        requests.addComponentColumn(this::decisions).setHeader("").setAutoWidth(true);
        requests.setItems(assignments.list(tenantId));
        requests.setEmptyStateText("No owner change was requested.");
        requests.setAllRowsVisible(true);
        Grid<Approval> pending = new Grid<>();
        pending.setId("tenant-approvals");
        pending.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        pending.addColumn(Approval::summary).setHeader("Waiting for a second SuperAdmin").setFlexGrow(3);
        pending.addColumn(approval -> approval.requestedBy().name()).setHeader("Asked by").setFlexGrow(1);
        pending.addComponentColumn(approval -> Times.relative(approval.expiresAt())).setHeader("Expires").setAutoWidth(true);
        pending.setItems(tenantApprovals.stream()
                .filter(approval -> approval.status() == com.iusign.platform.security.ApprovalStatus.PENDING).toList());
        pending.setEmptyStateText("Nothing about this tenant waits for approval.");
        pending.setAllRowsVisible(true);
        add(header, people, new H3("Pending approvals"), pending, new H3("Owner changes"), new Paragraph("A second SuperAdmin must approve each change: "
                + "neither the requester nor anyone they invited, nor an API client they registered."), requests, recovery);
    }

    /** The tenant's latest hundred approvals cover its open requests; an older one is read on its own. */
    private Approval approvalOf(java.util.Map<java.util.UUID, Approval> approvalOf, OwnerAssignment assignment) {
        return approvalOf.computeIfAbsent(assignment.approvalId(), approvals::get);
    }

    private static String describe(Approval approval, OwnerAssignment assignment) {
        return switch (assignment.status()) {
            case PENDING -> "waiting for a second SuperAdmin until " + Times.exact(approval.expiresAt());
            case COMPLETED -> "approved by " + approval.decidedBy().name() + " " + Times.exact(approval.decidedAt());
            case REJECTED -> "rejected by " + approval.decidedBy().name() + ": " + approval.decisionReason();
            case CANCELLED -> "cancelled by its requester";
            case EXPIRED -> "expired without a decision";
        };
    }

    private Component decisions(OwnerAssignment assignment) {
        if (assignment.status() != OwnerAssignment.Status.PENDING) {
            return new Span();
        }
        Button approve = new Button("Approve…", click -> decide(assignment, true));
        approve.setId("approve-" + assignment.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_TERTIARY_INLINE);
        Button reject = new Button("Reject…", click -> decide(assignment, false));
        reject.setId("reject-" + assignment.id());
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(approve, reject);
    }

    private void decide(OwnerAssignment assignment, boolean approve) {
        Approval approval = approvals.get(assignment.approvalId());
        new ReasonDialog(approve ? "Approve the owner change?" : "Reject the owner change?",
                approval.summary() + ". Requested by " + approval.requestedBy().name() + ": \u201c" + approval.reason() + "\u201d"
                        + (approve ? " Approving carries it out now and mails both people." : ""),
                approve ? "Approve and carry out" : "Reject", reason -> change.apply(reason, null), decision -> {
            try {
                if (approve) {
                    approvals.approve(approval.id(), decision);
                    Actions.succeeded(assignment.targetEmail() + " is now the owner.");
                } else {
                    approvals.reject(approval.id(), decision);
                    Actions.succeeded("The owner change was closed.");
                }
            } catch (InvalidInput e) {
                throw e;
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
            render();
            changed.run();
        }).open();
    }

    private void openAssignDialog(List<TenantUser> all) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Assign a new owner");
        dialog.setWidth("36rem");
        RadioButtonGroup<String> who = new RadioButtonGroup<>("New owner", "An existing user", "A new e-mail (invited as owner)");
        who.setValue("An existing user");
        ComboBox<TenantUser> member = new ComboBox<>("User");
        member.setId("owner-candidate");
        member.setItems(all.stream().filter(user -> user.role() != UserRole.OWNER && user.status() == UserStatus.ACTIVE).toList());
        member.setItemLabelGenerator(user -> user.email() + " (" + user.role().name().toLowerCase() + ")");
        member.setWidthFull();
        EmailField email = new EmailField("E-mail");
        email.setId("owner-email");
        email.setWidthFull();
        email.setVisible(false);
        who.addValueChangeListener(event -> {
            member.setVisible(event.getValue().startsWith("An existing"));
            email.setVisible(!member.isVisible());
        });
        RadioButtonGroup<OwnerAssignment.PreviousOwner> previous = new RadioButtonGroup<>("The current owner becomes");
        previous.setItems(OwnerAssignment.PreviousOwner.values());
        previous.setItemLabelGenerator(value -> value == OwnerAssignment.PreviousOwner.ADMIN ? "an admin" : "disabled (sessions end)");
        previous.setValue(OwnerAssignment.PreviousOwner.ADMIN);
        TextArea reason = new TextArea("Reason");
        reason.setId("owner-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        TextField ticket = new TextField("Ticket");
        ticket.setWidthFull();
        FieldErrors errors = new FieldErrors(Map.of("userId", member, "email", email, "reason", reason, "ticket", ticket));
        VerticalLayout content = new VerticalLayout(new Paragraph("Nothing changes until a second SuperAdmin approves; the request "
                + "expires after 24 hours."), who, member, email, previous, reason, ticket);
        content.setPadding(false);
        dialog.add(content);
        Button request = new Button("Request approval", click -> {
            errors.clear();
            try {
                boolean existing = member.isVisible();
                if (existing && member.getValue() == null) {
                    throw new InvalidInput(Map.of("userId", "Choose the user who becomes the owner"));
                }
                assignments.request(tenantId, existing ? member.getValue().id() : null, existing ? null : email.getValue(),
                        previous.getValue(), change.apply(reason.getValue(), ticket.getValue()));
                dialog.close();
                Actions.succeeded("Requested: a second SuperAdmin must approve it (Reviews → Approvals, or this tab).");
                render();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
        });
        request.setId("owner-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), request);
        dialog.open();
    }
}
