package com.iusign.platform.app.ui.tenants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

/** Shows a one-time link once, selectable for copying; closing the dialog is the last time anyone sees it. */
final class OneTimeLinkDialog {

    private OneTimeLinkDialog() {
    }

    static void show(String title, String explanation, String link) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("40rem");
        TextField field = new TextField();
        field.setId("one-time-link");
        field.setValue(link);
        field.setReadOnly(true);
        field.setWidthFull();
        field.getElement().setAttribute("aria-label", title);
        dialog.add(new VerticalLayout(new Paragraph(explanation), field));
        Button done = new Button("Done", click -> dialog.close());
        done.setId("one-time-link-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.open();
        field.focus();
    }
}
