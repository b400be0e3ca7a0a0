package com.iusign.platform.kernel;

import java.util.Objects;

/** Who performed an action: a SuperAdmin in the console, an admin API client, or the platform itself. */
public record Actor(Kind kind, String name) {

    public enum Kind { SUPERADMIN, API_CLIENT, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "actor kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor needs a name");
        }
    }

    public static Actor superAdmin(String email) {
        return new Actor(Kind.SUPERADMIN, email);
    }

    public static Actor apiClient(String clientId) {
        return new Actor(Kind.API_CLIENT, clientId);
    }

    public static Actor system(String component) {
        return new Actor(Kind.SYSTEM, component);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + ":" + name;
    }
}
