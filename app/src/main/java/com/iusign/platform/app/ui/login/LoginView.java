package com.iusign.platform.app.ui.login;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * SuperAdmin sign-in. The form posts to Spring Security. Every failure — wrong password, unknown
 * e-mail, an address that must wait after too many attempts — reads the same, so the page tells
 * nobody which e-mails have accounts.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · IUSign Tenant Management")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();
    private final AuthenticationContext authentication;

    LoginView(AuthenticationContext authentication) {
        this.authentication = authentication;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts("Sign-in failed",
                "The e-mail or password is wrong, or there were too many attempts from this address. Check both and try"
                        + " again in a minute; repeated failures make this address wait longer."));
        notice.addClassName("login-notice");
        notice.setVisible(false);
        add(notice, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            notice.setText("You were signed out after a period of inactivity. Sign in again to continue.");
            notice.setVisible(true);
        }
        if (parameters.containsKey("error")) {
            form.setError(true);
        }
    }

    private static LoginI18n texts(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("IUSign Tenant Management");
        i18n.getForm().setUsername("E-mail");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle(errorTitle);
        i18n.getErrorMessage().setMessage(errorMessage);
        return i18n;
    }
}
