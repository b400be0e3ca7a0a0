package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.UserRole;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Adds a user to the tenant within its seat limit; the activation link is mailed to them. The owner changes only by assignment. */
class AddUserDialog extends Dialog {

    AddUserDialog(TenantId tenant, TenantUsers users, Function<String, Change> change, Runnable added) {
        setHeaderTitle("Add a user");
        setWidth("32rem");
        EmailField email = new EmailField("E-mail");
        email.setId("add-user-email");
        email.setWidthFull();
        TextField name = new TextField("Name");
        name.setId("add-user-name");
        name.setWidthFull();
        Select<UserRole> role = new Select<>();
        role.setLabel("Role");
        role.setItems(List.of(UserRole.MEMBER, UserRole.ADMIN));
        role.setValue(UserRole.MEMBER);
        TextArea reason = new TextArea("Reason");
        reason.setId("add-user-reason");
        reason.setWidthFull();
        FieldErrors errors = new FieldErrors(Map.of("email", email, "displayName", name, "reason", reason));
        add(new VerticalLayout(email, name, role, reason));
        Button submit = new Button("Add and mail the link", click -> {
            errors.clear();
            try {
                users.add(tenant, email.getValue(), name.getValue(), role.getValue().name(), change.apply(reason.getValue()));
                close();
                Actions.succeeded("Added " + email.getValue() + "; the activation link is on its way.");
                added.run();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            } catch (Refusal e) {
                errors.show(Map.of("email", e.getMessage()));
            }
        });
        submit.setId("add-user-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), submit);
    }
}
