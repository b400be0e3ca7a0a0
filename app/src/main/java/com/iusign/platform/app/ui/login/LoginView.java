package com.iusign.platform.app.ui.login;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * SuperAdmin sign-in. The form posts to Spring Security; after a failure this view reads the
 * reason Spring left in the session so that a locked account is told so instead of "wrong
 * password" (an unknown e-mail still gets the wrong-password answer: no account enumeration).
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
        form.setI18n(texts("Incorrect e-mail or password",
                "Check both and try again. Repeated failures lock the account for a while."));
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
            Object failure = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof LockedException) {
                form.setI18n(texts("Account temporarily locked",
                        "Too many failed sign-ins for this account. Wait 15 minutes, or ask another SuperAdmin to check it."));
            }
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
