package com.iusign.platform.app.ui.shell;

import com.iusign.platform.security.CredentialRules;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.security.WrongCurrentPassword;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/** A SuperAdmin changes their own password; each refusal is shown on the field it concerns. */
class ChangePasswordDialog extends Dialog {

    private final SuperAdminAccounts accounts;
    private final String email;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField replacement = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("Repeat the new password");

    ChangePasswordDialog(SuperAdminAccounts accounts, String email) {
        this.accounts = accounts;
        this.email = email;
        setHeaderTitle("Change your password");
        current.setId("current-password");
        replacement.setId("new-password");
        confirmation.setId("repeat-password");
        replacement.setHelperText("At least " + CredentialRules.MIN_PASSWORD_LENGTH + " characters; a passphrase is best");
        VerticalLayout fields = new VerticalLayout(current, replacement, confirmation);
        fields.setPadding(false);
        fields.getChildren().forEach(field -> ((PasswordField) field).setWidthFull());
        add(fields);
        Button save = new Button("Change password", click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        // Only on opening: focusing a field of a closing dialog took the focus from the button that opened it.
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                current.focus();
            }
        });
    }

    private void save() {
        current.setInvalid(false);
        replacement.setInvalid(false);
        confirmation.setInvalid(false);
        if (!replacement.getValue().equals(confirmation.getValue())) {
            reject(confirmation, "The two new passwords differ");
            return;
        }
        try {
            accounts.changePassword(email, current.getValue(), replacement.getValue());
        } catch (WrongCurrentPassword e) {
            reject(current, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            reject(replacement, e.getMessage());
            return;
        }
        close();
        Notification.show("Your password was changed. Use it from your next sign-in.", 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void reject(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}
