package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.FieldErrors;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** Confirms a consequential action that needs a reason: states the consequence, asks why, then acts. */
public class ReasonDialog extends Dialog {

    public ReasonDialog(String title, String consequence, String confirmLabel, Function<String, Change> change, Consumer<Change> perform) {
        this(title, consequence, null, confirmLabel, change, perform);
    }

    /** @param detail shown under the consequence, such as the action's blast radius in numbers */
    public ReasonDialog(String title, String consequence, @Nullable Component detail, String confirmLabel, Function<String, Change> change,
                        Consumer<Change> perform) {
        setHeaderTitle(title);
        setWidth("32rem");
        TextArea reason = new TextArea("Reason");
        reason.setId("action-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        reason.setHelperText("Recorded in the audit trail");
        FieldErrors errors = new FieldErrors(Map.of("reason", reason));
        VerticalLayout content = new VerticalLayout(new Paragraph(consequence));
        if (detail != null) {
            content.add(detail);
        }
        content.add(reason);
        content.setPadding(false);
        add(content);
        Button confirm = new Button(confirmLabel, click -> {
            errors.clear();
            try {
                perform.accept(change.apply(reason.getValue()));
                close();
            } catch (InvalidInput e) {
                errors.show(e.fieldErrors());
            }
        });
        confirm.setId("action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        // Only on opening: focusing a field of a closing dialog took the focus from the button that opened it.
        addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                reason.focus();
            }
        });
    }
}
