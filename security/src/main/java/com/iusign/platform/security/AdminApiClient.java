package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An admin API client as the console lists it; its secret is shown only once, at registration. */
public record AdminApiClient(String clientId, String name, String createdBy, Instant createdAt,
                             @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, @Nullable String revokedBy) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
