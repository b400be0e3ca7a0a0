package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.mail.PublicLinks;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.InvalidInput;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.security.AuthenticationContext;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Provisions a tenant; every refusal lands on the field it concerns and nothing is written. */
class ProvisionTenantDialog extends Dialog {

    private final PublicLinks links;

    private final TenantLifecycle lifecycle;
    private final AuthenticationContext authentication;
    private final Consumer<Tenant> provisioned;
    private final TextField name = new TextField("Name");
    private final TextField slug = new TextField("Slug");
    private final Select<Plan> plan = new Select<>();
    private final TextField ownerEmail = new TextField("Owner e-mail");
    private final TextField customDomain = new TextField("Custom domain (optional)");
    private final TextArea reason = new TextArea("Reason");
    private final FieldErrors errors;
    private boolean slugEdited;

    ProvisionTenantDialog(TenantLifecycle lifecycle, AuthenticationContext authentication, PublicLinks links, Consumer<Tenant> provisioned) {
        this.links = links;
        this.lifecycle = lifecycle;
        this.authentication = authentication;
        this.provisioned = provisioned;
        setHeaderTitle("Provision a tenant");
        setWidth("36rem");
        name.setId("provision-name");
        name.setRequired(true);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(event -> {
            if (!slugEdited) {
                slug.setValue(suggestSlug(event.getValue()));
            }
        });
        slug.setId("provision-slug");
        slug.setHelperText("Lowercase letters, digits and '-'; permanent");
        slug.addValueChangeListener(event -> slugEdited = event.isFromClient());
        plan.setLabel("Plan");
        plan.setId("provision-plan");
        plan.setItems(lifecycle.plans());
        plan.setItemLabelGenerator(p -> p.name() + " — " + p.seatLimit() + " seats, " + p.monthlyEnvelopeLimit() + " envelopes/month");
        plan.setValue(lifecycle.plans().getFirst());
        ownerEmail.setId("provision-owner");
        customDomain.setId("provision-domain");
        customDomain.setPlaceholder("sign.example.com");
        reason.setId("provision-reason");
        reason.setValue("New customer onboarding");
        reason.setHelperText("Recorded in the audit trail");
        FormLayout form = new FormLayout(name, slug, plan, ownerEmail, customDomain, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        errors = new FieldErrors(Map.of("name", name, "slug", slug, "ownerEmail", ownerEmail, "customDomain", customDomain,
                "reason", reason));
        Button submit = new Button("Provision", click -> submit());
        submit.setId("provision-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), submit);
        // Only on opening: focusing a field of a closing dialog took the focus from the button that opened it.
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                name.focus();
            }
        });
    }

    private void submit() {
        errors.clear();
        try {
            ProvisioningResult result = lifecycle.provisionReporting(new ProvisionTenant(name.getValue(), slug.getValue(),
                            plan.getValue() == null ? null : plan.getValue().code(), ownerEmail.getValue(), customDomain.getValue()),
                    Actions.change(authentication, reason.getValue(), null));
            Tenant tenant = result.tenant();
            close();
            Actions.succeeded("Provisioned " + tenant.name() + " (" + tenant.slug() + "); it is active");
            provisioned.accept(tenant);
            if (result.extras().get("ownerActivationToken") instanceof String token) {
                OneTimeLinkDialog.show("The owner's activation link", "Mailed to " + tenant.ownerEmail() + ". Shown here this once, for"
                        + " handing over another way (it works once, for 72 hours).", links.to("/activate", "token", token));
            }
        } catch (InvalidInput e) {
            errors.show(e.fieldErrors());
        } catch (Conflict e) {
            errors.show(Map.of(e.field() == null ? "name" : e.field(), e.getMessage()));
        }
    }

    static String suggestSlug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
    }
}
