package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One tenant as the manifest lists it. */
public record ManifestEntry(UUID id, String name, String slug, String plan, String subscriptionStatus, String status,
                            String ownerEmail, @Nullable String customDomain, Instant createdAt, Instant statusChangedAt) {
}
