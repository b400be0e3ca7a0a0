package com.iusign.platform.app.ui.components;

import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** Puts a refusal's message on the field it concerns; errors with no field of their own go to {@code fallback}. */
public final class FieldErrors {

    private final Map<String, ? extends HasValidation> fields;

    public FieldErrors(Map<String, ? extends HasValidation> fields) {
        this.fields = fields;
    }

    public void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    /** @return true when every error found its field */
    public boolean show(Map<String, String> errors) {
        boolean allPlaced = true;
        for (var error : errors.entrySet()) {
            HasValidation field = fields.get(error.getKey());
            if (field == null) {
                allPlaced = false;
                Actions.refused(error.getValue());
                continue;
            }
            field.setErrorMessage(error.getValue());
            field.setInvalid(true);
        }
        return allPlaced;
    }
}
