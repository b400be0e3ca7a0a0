package com.iusign.platform.app.ui.platform;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.security.AdminApiClient;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import java.util.function.Supplier;

/** Admin API clients: register one (its secret shown once), see when each was last used, revoke one. */
class ApiClientsPanel extends Div {

    private final AdminApiClients clients;
    private final Supplier<String> currentAdmin;
    private final Grid<AdminApiClient> grid = new Grid<>();

    ApiClientsPanel(AdminApiClients clients, Supplier<String> currentAdmin) {
        this.clients = clients;
        this.currentAdmin = currentAdmin;
        addClassName("platform-section");
        Button register = new Button("Register API client", click -> openRegisterDialog());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-api-client");
        HorizontalLayout header = new HorizontalLayout(new H2("Admin API clients"), register);
        header.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        header.setJustifyContentMode(HorizontalLayout.JustifyContentMode.BETWEEN);
        header.setWidthFull();

        grid.setId("api-clients-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(AdminApiClient::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(AdminApiClient::clientId).setHeader("Client ID").setFlexGrow(2);
        grid.addColumn(AdminApiClient::createdBy).setHeader("Registered by").setAutoWidth(true);
        grid.addComponentColumn(client -> client.lastUsedAt() == null ? new Span("never") : Times.relative(client.lastUsedAt()))
                .setHeader("Last token").setAutoWidth(true);
        grid.addComponentColumn(this::stateCell).setHeader("State").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(header, grid);
        refresh();
    }

    private Component stateCell(AdminApiClient client) {
        if (client.isRevoked()) {
            Span revoked = new Span("Revoked");
            revoked.addClassNames("status-badge", "status-deactivated");
            revoked.getElement().setAttribute("title", "Revoked " + Times.exact(client.revokedAt()) + " by " + client.revokedBy());
            return revoked;
        }
        Button revoke = new Button("Revoke", click -> confirmRevoke(client));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY_INLINE);
        revoke.getElement().setAttribute("aria-label", "Revoke " + client.name());
        return revoke;
    }

    private void openRegisterDialog() {
        new RegisterApiClientDialog(name -> {
            RegisteredApiClient registered = clients.register(name, currentAdmin.get());
            refresh();
            return registered;
        }).open();
    }

    private void confirmRevoke(AdminApiClient client) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke " + client.name() + "?");
        confirm.setText("The client " + client.clientId() + " gets no new token from now on; tokens it already holds stop"
                + " working when they expire, within minutes. This cannot be undone: register a new client instead.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke client");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(event -> revoke(client));
        confirm.open();
    }

    private void revoke(AdminApiClient client) {
        try {
            clients.revoke(client.clientId(), currentAdmin.get());
            Notification.show("Revoked API client " + client.name() + " (" + client.clientId() + ")", 5000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalStateException | java.util.NoSuchElementException e) {
            Notification.show(e.getMessage() + " — the list is now refreshed.", 8000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(clients.list());
    }
}
