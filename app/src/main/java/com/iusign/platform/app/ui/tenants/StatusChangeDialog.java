package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.kernel.InvalidInput;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Confirms a status change: states the consequence in plain words and, for a suspension or
 * deactivation, in numbers (its blast radius), requires a reason (and an optional ticket), and for
 * deactivation the tenant's slug typed out.
 */
class StatusChangeDialog extends Dialog {

    private final TextArea reason = new TextArea("Reason");
    private final TextField ticket = new TextField("Ticket or incident (optional)");
    private final TextField typedSlug = new TextField();
    private final FieldErrors errors = new FieldErrors(Map.of("reason", reason, "ticket", ticket));

    /**
     * @param perform builds the change from reason and ticket and applies it; its refusals other than
     *                validation are left to {@code refused}
     */
    StatusChangeDialog(Tenant tenant, TenantStatus target, @Nullable Component blastRadius, BiFunction<String, String, Change> change,
                       Consumer<Change> perform) {
        setHeaderTitle(title(target) + " " + tenant.name() + "?");
        setWidth("34rem");
        reason.setId("status-reason");
        reason.setRequired(true);
        reason.setMinLength(Change.MIN_REASON);
        reason.setMaxLength(Change.MAX_REASON);
        reason.setHelperText("Recorded in the status history and the audit trail");
        reason.setWidthFull();
        ticket.setId("status-ticket");
        ticket.setWidthFull();
        VerticalLayout content = new VerticalLayout(new Paragraph(consequence(tenant, target)));
        if (blastRadius != null) {
            content.add(blastRadius);
        }
        content.add(reason, ticket);
        content.setPadding(false);
        Button confirm = new Button(title(target) + " tenant");
        confirm.setId("status-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY,
                target == TenantStatus.ACTIVE ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
        if (target == TenantStatus.DEACTIVATED) {
            typedSlug.setId("status-typed-slug");
            typedSlug.setLabel("Type the slug " + tenant.slug() + " to confirm");
            typedSlug.setWidthFull();
            typedSlug.setValueChangeMode(ValueChangeMode.EAGER);
            confirm.setEnabled(false);
            typedSlug.addValueChangeListener(event -> confirm.setEnabled(tenant.slug().equals(event.getValue())));
            content.add(typedSlug);
        }
        add(content);
        confirm.addClickListener(click -> {
            errors.clear();
            try {
                perform.accept(change.apply(reason.getValue(), ticket.getValue()));
                close();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        // Only on opening: focusing a field of a closing dialog took the focus from the button that opened it.
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                reason.focus();
            }
        });
    }

    static String title(TenantStatus target) {
        return switch (target) {
            case SUSPENDED -> "Suspend";
            case ACTIVE -> "Reactivate";
            case DEACTIVATED -> "Deactivate";
            case PURGED -> "Purge";
        };
    }

    static String pastTense(TenantStatus target) {
        return switch (target) {
            case SUSPENDED -> "suspended";
            case ACTIVE -> "reactivated";
            case DEACTIVATED -> "deactivated";
            case PURGED -> "purged";
        };
    }

    private static String consequence(Tenant tenant, TenantStatus target) {
        return switch (target) {
            case SUSPENDED -> "Every user of " + tenant.name() + " will be refused on their next request, and every signing"
                    + " link will show \"temporarily unavailable\". Nothing is deleted; you can reactivate the tenant later.";
            case ACTIVE -> "Users of " + tenant.name() + " can sign in again, and signing links that have not expired work"
                    + " again. Sessions ended by the suspension stay ended.";
            case DEACTIVATED -> "Formal decommissioning of " + tenant.name() + ": no access for anyone, signing links answer"
                    + " \"no longer available\". The retention window starts: its data is kept until it ends (the date shows on the tenant), then purged"
                    + " (crypto-shredded). Within the window a second SuperAdmin can approve a restore; a legal hold stops the purge.";
            case PURGED -> "Every row of " + tenant.name() + " is deleted and its master key destroyed; only the tombstone and"
                    + " the audit trail remain. This cannot be undone.";
        };
    }
}
