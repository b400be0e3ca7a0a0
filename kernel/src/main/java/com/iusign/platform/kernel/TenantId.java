package com.iusign.platform.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's permanent identity: never reused, never changed; every audit entry, event and
 * reference binds to it so that history survives renames.
 */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    /** The first eight hex digits: enough to tell tenants apart on a screen, never to address one. */
    public String shortForm() {
        return value.toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
