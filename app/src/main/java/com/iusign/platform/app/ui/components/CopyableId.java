package com.iusign.platform.app.ui.components;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

import java.util.UUID;

/** A tenant id shown short, whole on hover, with a button that copies it whole. */
public final class CopyableId extends Span {

    public CopyableId(UUID id, boolean shortForm) {
        Span text = new Span(shortForm ? id.toString().substring(0, 8) : id.toString());
        text.addClassName("tenant-id");
        text.getElement().setAttribute("title", id.toString());
        Button copy = new Button(new Icon(VaadinIcon.COPY_O), click -> {
            copy(id.toString());
            Actions.succeeded("Copied tenant ID " + id);
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        copy.getElement().setAttribute("aria-label", "Copy tenant ID " + id);
        copy.getElement().setAttribute("title", "Copy tenant ID");
        add(text, copy);
        addClassName("copyable-id");
    }

    private void copy(String value) {
        getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", value);
    }
}
