package com.iusign.platform.kernel.web;

import com.iusign.platform.kernel.InvalidInput;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Request values that arrive as text and are refused with a message naming their field, the same way in every API. */
public final class RequestValues {

    private RequestValues() {
    }

    /**
     * An ISO-8601 instant, or null when absent or blank.
     *
     * @throws InvalidInput naming {@code field} for any other text
     */
    public static @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
