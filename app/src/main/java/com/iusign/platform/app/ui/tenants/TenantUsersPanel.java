package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.UserStatus;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.FlushReceipt;
import com.iusign.platform.security.SessionRevocation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.function.Function;

/**
 * A tenant's users, owner first: status and why (who locked or disabled it, when, the reason),
 * activation, last sign-in; add a user (the activation link is mailed), resend an activation link,
 * lock, unlock, and end one user's sessions.
 */
class TenantUsersPanel extends Div {

    private final TenantId tenant;
    private final TenantUsers users;
    private final SessionRevocation sessions;
    private final Function<String, Change> change;
    private final Grid<TenantUser> grid = new Grid<>();

    TenantUsersPanel(TenantId tenant, TenantUsers users, SessionRevocation sessions, Function<String, Change> change) {
        this.tenant = tenant;
        this.users = users;
        this.sessions = sessions;
        this.change = change;
        grid.setId("tenant-users");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(TenantUser::email).setHeader("E-mail").setFlexGrow(2);
        grid.addColumn(TenantUser::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(user -> user.role().name().toLowerCase()).setHeader("Role").setAutoWidth(true);
        grid.addComponentColumn(TenantUsersPanel::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(TenantUsersPanel::why).setHeader("Why").setFlexGrow(2);
        grid.addComponentColumn(user -> user.lastSignInAt() == null ? new Span(user.activated() ? "never" : "not activated")
                : Times.relative(user.lastSignInAt())).setHeader("Last sign-in").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        Button add = new Button("Add user…", click -> new AddUserDialog(tenant, users, change, this::refresh).open());
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(add, grid);
        refresh();
    }

    private static Span status(TenantUser user) {
        Span status = new Span(user.status().name().toLowerCase());
        status.addClassNames("status-badge", user.status() == UserStatus.ACTIVE ? "status-active" : "status-suspended");
        return status;
    }

    /** Why the account is as it is, when an administrator made it so: "locked 3 h ago by …: reason". */
    private static String why(TenantUser user) {
        if (user.statusReason() == null || user.status() == UserStatus.ACTIVE && user.activated()) {
            return user.activated() ? "" : "has not set a password yet";
        }
        return user.status().name().toLowerCase() + " " + Times.relativeText(user.statusChangedAt(), java.time.Instant.now()) + " by "
                + user.statusChangedBy() + ": " + user.statusReason();
    }

    private HorizontalLayout actions(TenantUser user) {
        Button lock = user.status() == UserStatus.LOCKED
                ? new Button("Unlock", click -> confirm("Unlock " + user.email() + "?", "They can sign in again.", "Unlock",
                        c -> users.unlock(tenant, user.id(), c), "unlocked"))
                : new Button("Lock", click -> confirm("Lock " + user.email() + "?", "They cannot sign in or refresh, and every"
                        + " token they hold is refused on its next request.", "Lock user", c -> users.lock(tenant, user.id(), c), "locked"));
        Button flush = new Button("End sessions", click -> new ReasonDialog("End the sessions of " + user.email() + "?",
                "Every token issued to this user until now is refused on its next request; they can sign in again.",
                "End sessions", change, c -> {
                    FlushReceipt receipt = sessions.flushUser(tenant, user.id(), c);
                    Actions.succeeded("Sessions of " + user.email() + " ended at " + Times.exact(receipt.effectiveAt())
                            + (receipt.proof().refused() ? "; a token issued 1 ms earlier is now refused" : ""));
                }).open());
        lock.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        flush.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(lock, flush);
        if (!user.activated() && user.status() == UserStatus.ACTIVE) {
            Button resend = new Button("Resend activation", click -> confirm("Send " + user.email() + " a new activation link?",
                    "The earlier links stop working; the new one is valid for 72 hours.", "Send link",
                    c -> users.resendActivation(tenant, user.id(), c), "sent a new activation link"));
            resend.setId("resend-" + user.id());
            resend.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            actions.add(resend);
        }
        return actions;
    }

    private void confirm(String title, String consequence, String label, java.util.function.Consumer<Change> action, String verb) {
        new ReasonDialog(title, consequence, label, change, c -> {
            try {
                action.accept(c);
                Actions.succeeded("User " + verb);
            } catch (Conflict e) {
                Actions.refused(e.getMessage());
            }
            refresh();
        }).open();
    }

    private void refresh() {
        grid.setItems(users.list(tenant));
    }
}
