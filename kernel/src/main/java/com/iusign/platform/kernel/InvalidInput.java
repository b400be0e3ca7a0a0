package com.iusign.platform.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Input that breaks a rule; names each bad field (or parameter) with a message a SuperAdmin can act on. 400 {@code validation}. */
public class InvalidInput extends Refusal {

    private final Map<String, String> fieldErrors;

    public InvalidInput(Map<String, String> fieldErrors) {
        this(fieldErrors, fieldErrors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
    }

    public InvalidInput(Map<String, String> fieldErrors, String message) {
        super(400, "validation", "Invalid input", message);
        this.fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** One bad field or parameter. */
    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message), message);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public Map<String, Object> properties() {
        List<Map<String, String>> errors = fieldErrors.entrySet().stream()
                .map(error -> Map.of("field", error.getKey(), "message", error.getValue())).toList();
        return Map.of("errors", errors);
    }
}
