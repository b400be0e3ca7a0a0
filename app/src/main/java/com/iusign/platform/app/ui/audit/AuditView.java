package com.iusign.platform.app.ui.audit;

import com.iusign.platform.security.PlatformAuthorities;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The platform-wide audit trail. The audit module arrives with the lifecycle issue; until then this place says so. */
@Route("audit")
@PageTitle("Audit")
@Menu(order = 1, title = "Audit", icon = "vaadin:clipboard-text")
@RolesAllowed(PlatformAuthorities.SUPERADMIN)
public class AuditView extends Main {

    AuditView() {
        addClassName("console-view");
        Icon icon = new Icon(VaadinIcon.CLIPBOARD_TEXT);
        icon.addClassName("empty-state-icon");
        Div empty = new Div(icon, new H2("No audit entries yet"),
                new Paragraph("Every governance action — provisioning, suspension, session flush, owner change — will be"
                        + " recorded here with its actor, reason and time, bound to the tenant's permanent ID."));
        empty.addClassName("empty-state");
        add(empty);
    }
}
