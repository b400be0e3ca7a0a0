package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** Renames a tenant, changes its plan, subscription status or custom domain; only what changed is sent. */
class EditTenantDialog extends Dialog {

    private final TextField name = new TextField("Name");
    private final Select<String> plan = new Select<>();
    private final Select<SubscriptionStatus> subscription = new Select<>();
    private final TextField domain = new TextField("Custom domain");
    private final TextArea reason = new TextArea("Reason");
    private final FieldErrors errors;

    EditTenantDialog(Tenant tenant, List<Plan> plans, BiFunction<String, String, Change> change,
                     BiConsumer<UpdateTenant, Change> perform) {
        setHeaderTitle("Edit " + tenant.name());
        setWidth("34rem");
        name.setId("edit-name");
        name.setValue(tenant.name());
        plan.setLabel("Plan");
        plan.setId("edit-plan");
        plan.setItems(plans.stream().map(Plan::code).toList());
        plan.setValue(tenant.plan());
        subscription.setLabel("Subscription");
        subscription.setId("edit-subscription");
        subscription.setItems(SubscriptionStatus.values());
        subscription.setValue(tenant.subscriptionStatus());
        domain.setId("edit-domain");
        domain.setValue(Objects.requireNonNullElse(tenant.customDomain(), ""));
        domain.setHelperText("Empty removes the domain");
        reason.setId("edit-reason");
        reason.setRequired(true);
        reason.setHelperText("Recorded in the audit trail");
        FormLayout form = new FormLayout(name, plan, subscription, domain, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        errors = new FieldErrors(Map.of("name", name, "plan", plan, "subscriptionStatus", subscription, "customDomain", domain,
                "reason", reason));
        Button save = new Button("Save changes", click -> {
            errors.clear();
            try {
                UpdateTenant update = new UpdateTenant(
                        name.getValue().strip().equals(tenant.name()) ? null : name.getValue(),
                        Objects.equals(plan.getValue(), tenant.plan()) ? null : plan.getValue(),
                        subscription.getValue() == tenant.subscriptionStatus() ? null : subscription.getValue(),
                        domain.getValue().strip().equals(Objects.requireNonNullElse(tenant.customDomain(), "")) ? null : domain.getValue().strip(),
                        tenant.version());
                perform.accept(update, change.apply(reason.getValue(), null));
                close();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            }
        });
        save.setId("edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
    }
}
