package com.iusign.platform.inventory;

/** A manifest search parameter that cannot be used; {@code parameter} names it. */
public class ManifestQueryException extends IllegalArgumentException {

    private final String parameter;

    public ManifestQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
