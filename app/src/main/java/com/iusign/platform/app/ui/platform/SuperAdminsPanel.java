package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.app.ui.tenants.ReasonDialog;
import com.iusign.platform.identity.SuperAdminInvitations;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.security.SuperAdminAccount;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.security.SuperAdminStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.Map;
import java.util.function.Function;

/**
 * SuperAdmins: invite one by e-mail (the one-time link goes to that mailbox only), disable or
 * re-enable one with a reason. The last active SuperAdmin cannot be disabled.
 */
class SuperAdminsPanel extends Div {

    private final SuperAdminAccounts accounts;
    private final SuperAdminInvitations invitations;
    private final Function<String, Change> change;
    private final Grid<SuperAdminAccount> grid = new Grid<>();

    SuperAdminsPanel(SuperAdminAccounts accounts, SuperAdminInvitations invitations, Function<String, Change> change) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.change = change;
        addClassName("platform-section");
        Button invite = new Button("Invite SuperAdmin…", click -> openInviteDialog());
        invite.setId("invite-superadmin");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("SuperAdmins"), invite);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();
        grid.setId("superadmins-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(SuperAdminAccount::email).setHeader("E-mail").setFlexGrow(2);
        grid.addComponentColumn(SuperAdminsPanel::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(account -> account.invitedBy() == null ? "—" : account.invitedBy()).setHeader("Invited by").setFlexGrow(1);
        grid.addComponentColumn(account -> account.lastSignInAt() == null ? new Span("never") : Times.relative(account.lastSignInAt()))
                .setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(header, grid);
        refresh();
    }

    private static Component status(SuperAdminAccount account) {
        Span badge = new Span(switch (account.status()) {
            case ACTIVE -> "Active";
            case INVITED -> "Invited";
            case DISABLED -> "Disabled";
        });
        badge.addClassNames("status-badge", switch (account.status()) {
            case ACTIVE -> "status-active";
            case INVITED -> "status-suspended";
            case DISABLED -> "status-deactivated";
        });
        return badge;
    }

    private Component action(SuperAdminAccount account) {
        boolean disabled = account.status() == SuperAdminStatus.DISABLED;
        Button button = new Button(disabled ? "Enable…" : "Disable…", click -> new ReasonDialog(
                (disabled ? "Enable " : "Disable ") + account.email() + "?",
                disabled ? "The account may sign in again." : "The account can no longer sign in, and its open console sessions end on their"
                        + " next request. Requests it made stay waiting for approval.",
                disabled ? "Enable" : "Disable", change, decided -> {
            try {
                if (disabled) {
                    accounts.enable(account.id(), decided);
                } else {
                    accounts.disable(account.id(), decided);
                }
                Actions.succeeded(account.email() + (disabled ? " enabled." : " disabled."));
            } catch (InvalidInput e) {
                throw e;
            } catch (Refusal e) {
                Actions.refused(e.getMessage());
            }
            refresh();
        }).open());
        button.addThemeVariants(disabled ? ButtonVariant.LUMO_TERTIARY_INLINE : ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
        button.getElement().setAttribute("aria-label", (disabled ? "Enable " : "Disable ") + account.email());
        return button;
    }

    private void openInviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a SuperAdmin");
        dialog.setWidth("32rem");
        EmailField email = new EmailField("E-mail");
        email.setId("invite-email");
        email.setRequired(true);
        email.setWidthFull();
        TextArea reason = new TextArea("Reason");
        reason.setId("invite-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        FieldErrors errors = new FieldErrors(Map.of("email", email, "reason", reason));
        VerticalLayout content = new VerticalLayout(new Paragraph("A one-time link (valid 72 hours) goes to this address only; the"
                + " invitee sets a password with it. Someone you invite cannot approve your own requests."), email, reason);
        content.setPadding(false);
        dialog.add(content);
        Button send = new Button("Send invitation", click -> {
            errors.clear();
            try {
                invitations.invite(email.getValue(), change.apply(reason.getValue()));
                dialog.close();
                Actions.succeeded("Invitation sent to " + email.getValue() + ".");
                refresh();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            } catch (Refusal e) {
                errors.show(Map.of("email", e.getMessage()));
            }
        });
        send.setId("invite-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }
}
