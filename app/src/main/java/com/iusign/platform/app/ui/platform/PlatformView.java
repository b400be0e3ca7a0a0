package com.iusign.platform.app.ui.platform;

import com.iusign.platform.telemetry.ResyncJobs;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.security.SuperAdminAccount;
import com.iusign.platform.security.SuperAdminAccounts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/** Platform: health of PostgreSQL and Redis, the all-tenant telemetry re-sync, admin API clients, SuperAdmin accounts. */
@Route("platform")
@PageTitle("Platform")
@Menu(order = 3, title = "Platform", icon = "vaadin:server")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class PlatformView extends Main {

    PlatformView(PlatformHealth health, AdminApiClients clients, SuperAdminAccounts accounts,
                 AuthenticationContext authentication, ResyncJobs resyncJobs) {
        addClassName("console-view");
        add(healthSection(health),
                new ResyncAllPanel(resyncJobs, () -> authentication.getPrincipalName().orElse("unknown")),
                new ApiClientsPanel(clients, () -> authentication.getPrincipalName().orElse("unknown")),
                superAdminsSection(accounts));
    }

    private static Div healthSection(PlatformHealth health) {
        Div cards = new Div();
        cards.addClassName("health-cards");
        for (PlatformHealth.Check check : health.checks()) {
            Span status = new Span(check.status());
            status.addClassNames("status-badge", check.isUp() ? "status-active" : "status-suspended");
            Div card = new Div(new Span(check.name()), status);
            card.addClassName("health-card");
            card.setId("health-" + check.component());
            cards.add(card);
        }
        Div section = new Div(new H2("Health"), cards);
        section.addClassName("platform-section");
        return section;
    }

    private static Div superAdminsSection(SuperAdminAccounts accounts) {
        Grid<SuperAdminAccount> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(SuperAdminAccount::email).setHeader("E-mail").setFlexGrow(2);
        grid.addComponentColumn(account -> Times.relative(account.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addComponentColumn(PlatformView::lastSignIn).setHeader("Last sign-in").setAutoWidth(true);
        grid.setItems(accounts.list());
        grid.setAllRowsVisible(true);
        Div section = new Div(new H2("SuperAdmins"), grid);
        section.addClassName("platform-section");
        return section;
    }

    private static Component lastSignIn(SuperAdminAccount account) {
        return account.lastSignInAt() == null ? new Span("never") : Times.relative(account.lastSignInAt());
    }
}
