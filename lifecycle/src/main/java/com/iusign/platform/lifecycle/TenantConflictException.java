package com.iusign.platform.lifecycle;

import org.jspecify.annotations.Nullable;

/**
 * The change collides with the current state: a name, slug or domain another tenant already
 * uses ({@code field} names it), or a stale version ("the tenant changed since you loaded it").
 */
public class TenantConflictException extends RuntimeException {

    private final @Nullable String field;

    public TenantConflictException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    public static TenantConflictException stale(TenantId id, long expected, long actual) {
        return new TenantConflictException("version", "The tenant changed since you loaded it (version " + expected
                + ", now " + actual + "): reload it and try again");
    }

    public @Nullable String field() {
        return field;
    }
}
