package com.iusign.platform.app.ui.signing;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.signing.EnvelopeStatus;
import com.iusign.platform.signing.SigningException;
import com.iusign.platform.signing.SigningLinkView;
import com.iusign.platform.signing.SigningLinks;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The page a signer's link opens: the document and a typed-name signature. It asks
 * {@link SigningLinks} on every load, so a suspended tenant's link shows "temporarily
 * unavailable" (no document embedded, no signature accepted) and the same link works again the
 * moment the tenant is reactivated.
 */
@Route(value = "sign/:token", autoLayout = false)
@PageTitle("Sign · IUSign")
@AnonymousAllowed
public class SigningPageView extends Main implements BeforeEnterObserver {

    private final SigningLinks links;
    private String token = "";

    SigningPageView(SigningLinks links) {
        this.links = links;
        addClassName("signing-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        try {
            show(links.open(token));
        } catch (SigningException e) {
            refused(e);
        }
    }

    private void show(SigningLinkView view) {
        removeAll();
        H1 title = new H1(view.envelopeTitle());
        title.setId("signing-title");
        Paragraph who = new Paragraph("For " + view.recipientName() + " · " + view.documentFileName());
        who.addClassName("secondary-text");
        IFrame document = new IFrame("api/public/signing/" + token + "/document");
        document.setId("signing-document");
        document.getElement().setAttribute("title", "The document to sign: " + view.documentFileName());
        document.addClassName("signing-document");
        add(brand(), title, who, document, action(view));
    }

    private Component action(SigningLinkView view) {
        if (view.signed()) {
            return notice("signing-done", view.status() == EnvelopeStatus.COMPLETED
                    ? "You signed. Everyone has signed: the envelope is complete."
                    : "You signed. The sender is waiting for the other signers.");
        }
        if (view.waitingFor() != null) {
            return notice("signing-waiting", "Waiting for " + view.waitingFor() + " to sign first. Come back to this link later.");
        }
        TextField typedName = new TextField("Type your full name to sign");
        typedName.setId("typed-name");
        typedName.setWidth("20rem");
        typedName.setMaxLength(200);
        Button sign = new Button("Sign", VaadinIcon.PENCIL.create(), click -> sign(typedName));
        sign.setId("sign-button");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        typedName.addKeyPressListener(Key.ENTER, enter -> sign(typedName));
        HorizontalLayout form = new HorizontalLayout(typedName, sign);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        Span expiry = new Span("This link works until " + Times.exact(view.expiresAt()) + ".");
        expiry.addClassName("secondary-text");
        return new Div(form, expiry);
    }

    private void sign(TextField typedName) {
        try {
            show(links.sign(token, typedName.getValue()));
        } catch (SigningException e) {
            if (e.kind() == SigningException.Kind.VALIDATION) {
                typedName.setInvalid(true);
                typedName.setErrorMessage(e.fieldErrors().getOrDefault("typedName", "Type your full name as your signature"));
            } else {
                refused(e);
            }
        }
    }

    private void refused(SigningException e) {
        removeAll();
        String heading = switch (e.kind()) {
            case TENANT_SUSPENDED -> "Temporarily unavailable";
            case GONE -> "No longer available";
            case NOT_FOUND -> "Link not found";
            case CONFLICT -> "Not signed";
            default -> "This link cannot be used";
        };
        String id = switch (e.kind()) {
            case TENANT_SUSPENDED -> "signing-unavailable";
            case GONE -> "signing-gone";
            default -> "signing-refused";
        };
        String advice = e.kind() == SigningException.Kind.TENANT_SUSPENDED
                ? " Your link stays valid: try it again later, or contact the sender."
                : e.kind() == SigningException.Kind.NOT_FOUND ? " Check that you opened the whole link from the sender's message." : "";
        Div message = new Div(new H1(heading), new Paragraph(e.getMessage() + "." + advice));
        message.setId(id);
        message.addClassName("signing-message");
        add(brand(), message);
    }

    private static Component notice(String id, String text) {
        Paragraph notice = new Paragraph(text);
        notice.setId(id);
        notice.addClassName("signing-notice");
        return notice;
    }

    private static Component brand() {
        Span brand = new Span("IUSign");
        brand.addClassName("brand");
        return brand;
    }
}
