package com.iusign.platform.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that breaks the tenant record's rules; names each bad field with a message a SuperAdmin can act on. */
public class TenantValidationException extends IllegalArgumentException {

    private final Map<String, String> fieldErrors;

    public TenantValidationException(Map<String, String> fieldErrors) {
        super(fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.fieldErrors = Map.copyOf(new LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
