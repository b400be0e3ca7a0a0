package com.iusign.platform.kernel;

import java.util.Objects;
import java.util.UUID;

/** A tenant user's permanent identity (unique across tenants, but always used together with its {@link TenantId}). */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
