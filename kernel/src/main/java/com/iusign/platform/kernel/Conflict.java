package com.iusign.platform.kernel;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * The change collides with the current state: a name, slug or domain already in use ({@code field}
 * names it), a state that forbids it, or a stale version. 409 {@code conflict}.
 */
public class Conflict extends Refusal {

    private final @Nullable String field;

    public Conflict(@Nullable String field, String message) {
        super(409, "conflict", "Conflict", message);
        this.field = field;
    }

    /** The record changed since the caller loaded it. */
    public static Conflict stale(String what, long expected, long actual) {
        return new Conflict("version", "The " + what + " changed since you loaded it (version " + expected + ", now " + actual
                + "): reload it and try again");
    }

    public @Nullable String field() {
        return field;
    }

    @Override
    public Map<String, Object> properties() {
        return field == null ? Map.of() : Map.of("field", field);
    }
}
