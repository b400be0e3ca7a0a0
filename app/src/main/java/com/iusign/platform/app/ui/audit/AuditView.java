package com.iusign.platform.app.ui.audit;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/** The platform-wide audit trail, newest first, filtered by action and actor; it also says whether the hash chain holds. */
@Route("audit")
@PageTitle("Audit")
@Menu(order = 2, title = "Audit", icon = "vaadin:clipboard-text")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class AuditView extends Main {

    static final List<String> ACTIONS = List.of("tenant.provisioned", "tenant.renamed", "tenant.plan-changed",
            "tenant.subscription-changed", "tenant.custom-domain-changed", "tenant.suspended", "tenant.reactivated",
            "tenant.deactivated", "api-client.registered", "api-client.revoked", "superadmin.password-changed", "user.added", "user.locked",
            "user.unlocked", "sessions.flushed", "user.sessions-flushed", "tenant.owner-changed", "superadmin.invited",
            "superadmin.activated", "superadmin.disabled", "superadmin.enabled", "approval.requested", "approval.approved",
            "approval.rejected", "approval.cancelled", "user.disabled", "recovery.opened", "recovery.challenge-sent",
            "recovery.code-wrong", "recovery.verified", "recovery.locked", "recovery.vetoed", "recovery.cooling-off-shortened",
            "recovery.completed", "recovery.cancelled", "key.rotated", "key.destroyed", "tenant.retention-changed", "legal-hold.placed", "legal-hold.released",
            "tenant.purged", "audit.exported");

    AuditView(AuditTrail trail) {
        addClassName("console-view");
        ComboBox<String> action = new ComboBox<>("Action", ACTIONS);
        action.setClearButtonVisible(true);
        action.setId("audit-action");
        TextField actor = new TextField("Actor");
        actor.setPlaceholder("e-mail or API client id");
        actor.setClearButtonVisible(true);
        actor.setId("audit-actor");
        AuditGrid grid = new AuditGrid(trail, true);
        Runnable refresh = () -> grid.show(before -> new AuditQuery(null, action.getValue(), actor.getValue(), before, 50));
        action.addValueChangeListener(event -> refresh.run());
        actor.addValueChangeListener(event -> refresh.run());
        Button verify = new Button("Verify chain", click -> {
            Long broken = trail.firstBrokenLink();
            if (broken == null) {
                Actions.succeeded("The audit trail's chain is intact: every entry was written by the platform, none altered or removed");
            } else {
                Actions.refused("Entry #" + broken + " is the first that the platform did not write as it stands: it was altered,"
                        + " inserted or moved outside the platform. Entries before it are intact.");
            }
        });
        HorizontalLayout filters = new HorizontalLayout(action, actor, new Span(), verify);
        filters.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(filters, grid);
        refresh.run();
    }
}
