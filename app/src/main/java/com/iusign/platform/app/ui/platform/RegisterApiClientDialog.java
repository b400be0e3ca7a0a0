package com.iusign.platform.app.ui.platform;

import com.iusign.platform.security.RegisteredApiClient;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Function;

/**
 * Registers an admin API client, then shows its id and secret once, with the consequence spelled
 * out: the platform keeps only a hash, so a lost secret means registering a new client.
 */
class RegisterApiClientDialog extends Dialog {

    private final Function<String, RegisteredApiClient> register;
    private final TextField name = new TextField("What is this client for?");
    private final Button submit = new Button("Register", click -> submit());

    RegisterApiClientDialog(Function<String, RegisteredApiClient> register) {
        this.register = register;
        setHeaderTitle("Register an admin API client");
        name.setId("api-client-name");
        name.setPlaceholder("e.g. Nightly billing sync");
        name.setHelperText("3 to 80 characters; shown in the list and in the audit trail");
        name.setWidthFull();
        name.setRequired(true);
        add(name);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", click -> close()), submit);
        // Only on opening: focusing a field of a closing dialog took the focus from the button that opened it.
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                name.focus();
            }
        });
    }

    private void submit() {
        try {
            showSecret(register.apply(name.getValue()));
        } catch (IllegalArgumentException e) {
            name.setInvalid(true);
            name.setErrorMessage(e.getMessage());
        }
    }

    private void showSecret(RegisteredApiClient registered) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("API client registered");
        TextField clientId = readOnly("Client ID", registered.client().clientId(), "registered-client-id");
        TextField secret = readOnly("Client secret", registered.secret(), "registered-client-secret");
        add(new Paragraph("Copy the secret now: it is shown only this once. The platform keeps only a hash of it."),
                clientId, secret,
                new Paragraph("Get a token with POST /oauth2/token, grant_type=client_credentials, authenticating with"
                        + " this ID and secret (HTTP Basic)."));
        Button done = new Button("I have copied the secret", click -> close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static TextField readOnly(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId(id);
        return field;
    }
}
