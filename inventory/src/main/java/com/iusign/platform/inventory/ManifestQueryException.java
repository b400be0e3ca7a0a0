package com.iusign.platform.inventory;

import com.iusign.platform.kernel.InvalidInput;

import java.util.Map;

/** A manifest search parameter that cannot be used; {@code parameter} names it. */
public class ManifestQueryException extends InvalidInput {

    private final String parameter;

    public ManifestQueryException(String parameter, String message) {
        super(Map.of(parameter, message), message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
