package com.iusign.platform.app.ui.login;

import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.security.SuperAdminAccounts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.List;
import java.util.Map;

/**
 * The page behind every one-time activation link the platform mails: an invited SuperAdmin's
 * (token {@code sa.…}) or a tenant user's, e.g. a new owner's. It sets the password and spends the
 * token; an unknown, used or expired token gets one answer for all three.
 */
@Route(value = "activate", autoLayout = false)
@PageTitle("Set your password · IUSign")
@AnonymousAllowed
public class ActivationView extends Main implements BeforeEnterObserver {

    private final SuperAdminAccounts superAdmins;
    private final TenantUsers users;
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat the password");
    private final Paragraph outcome = new Paragraph();
    private final Button set = new Button("Set password");
    private String token = "";

    ActivationView(SuperAdminAccounts superAdmins, TenantUsers users) {
        this.superAdmins = superAdmins;
        this.users = users;
        addClassName("login-view");
        password.setId("activation-password");
        password.setHelperText("At least 12 characters; a passphrase of a few words is best");
        password.setWidth("22rem");
        repeat.setId("activation-repeat");
        repeat.setWidth("22rem");
        set.addClickListener(click -> activate());
        set.setId("activation-submit");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        outcome.setId("activation-outcome");
        outcome.addClassName("login-notice");
        VerticalLayout form = new VerticalLayout(new H1("Set your password"), password, repeat, set, outcome);
        form.setAlignItems(VerticalLayout.Alignment.CENTER);
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).getFirst();
    }

    private void activate() {
        FieldErrors errors = new FieldErrors(Map.of("password", password, "repeat", repeat));
        errors.clear();
        if (!password.getValue().equals(repeat.getValue())) {
            errors.show(Map.of("repeat", "The two passwords differ"));
            return;
        }
        try {
            boolean superAdmin = token.startsWith(SuperAdminAccounts.INVITATION_PREFIX);
            if (superAdmin) {
                superAdmins.activate(token, password.getValue());
            } else {
                users.activate(token, password.getValue());
            }
            password.setEnabled(false);
            repeat.setEnabled(false);
            set.setEnabled(false);
            outcome.setText(superAdmin ? "Your SuperAdmin account is active." : "Your password is set: sign in to your organization.");
            if (superAdmin) {
                add(new RouterLink("Sign in to the console", LoginView.class));
            }
        } catch (InvalidInput e) {
            if (e.fieldErrors().containsKey("token")) {
                outcome.setText(e.fieldErrors().get("token"));
            }
            errors.show(e.fieldErrors());
        }
    }
}
