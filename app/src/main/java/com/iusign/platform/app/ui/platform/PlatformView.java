package com.iusign.platform.app.ui.platform;

import com.iusign.platform.telemetry.ResyncJobs;
import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.identity.SuperAdminInvitations;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.security.SuperAdminAccounts;
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

    PlatformView(PlatformHealth health, AdminApiClients clients, SuperAdminAccounts accounts, SuperAdminInvitations invitations,
                 AuthenticationContext authentication, ResyncJobs resyncJobs) {
        addClassName("console-view");
        add(healthSection(health),
                new ResyncAllPanel(resyncJobs, () -> authentication.getPrincipalName().orElse("unknown")),
                new ApiClientsPanel(clients, () -> authentication.getPrincipalName().orElse("unknown")),
                new SuperAdminsPanel(accounts, invitations, reason -> Actions.change(authentication, reason, null)));
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

}
