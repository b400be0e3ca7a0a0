package com.iusign.platform.app.ui.login;

import com.iusign.platform.identity.RecoveryCases;
import com.iusign.platform.kernel.InvalidInput;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.List;

/**
 * The page behind a recovery case's veto link, mailed to the tenant's owner and admins: no
 * account needed, one click stops the recovery. Opening the page changes nothing (mail scanners
 * follow links); only the button does.
 */
@Route(value = "recovery/veto", autoLayout = false)
@PageTitle("Stop an access recovery · IUSign")
@AnonymousAllowed
public class RecoveryVetoView extends Main implements BeforeEnterObserver {

    private final RecoveryCases cases;
    private final Paragraph outcome = new Paragraph();
    private final Button stop = new Button("Stop this recovery");
    private String token = "";

    RecoveryVetoView(RecoveryCases cases) {
        this.cases = cases;
        addClassName("login-view");
        stop.setId("veto-submit");
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        stop.addClickListener(click -> veto());
        outcome.setId("veto-outcome");
        outcome.addClassName("login-notice");
        VerticalLayout content = new VerticalLayout(new H1("Stop an access recovery"), new Paragraph("IUSign support is restoring"
                + " access to an account of your organization. If you did not expect this, stop it here; support will contact you."),
                stop, outcome);
        content.setAlignItems(VerticalLayout.Alignment.CENTER);
        content.setMaxWidth("36rem");
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).getFirst();
    }

    private void veto() {
        try {
            cases.veto(token);
            outcome.setText("The recovery is stopped. Nothing changed on the account.");
        } catch (InvalidInput e) {
            outcome.setText(e.fieldErrors().getOrDefault("token", e.getMessage()));
        }
        stop.setEnabled(false);
    }
}
