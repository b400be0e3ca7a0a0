package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One tenant as the manifest lists it, with its usage as telemetry last announced it
 * ({@code envelopesThisMonth} already 0 when the announcement was from an earlier month; limits
 * null until known).
 */
public record ManifestEntry(UUID id, String name, String slug, String plan, String subscriptionStatus, String status,
                            String ownerEmail, @Nullable String customDomain, Instant createdAt, Instant statusChangedAt,
                            int envelopesThisMonth, int seatsUsed, @Nullable Integer seatLimit, @Nullable Integer monthlyEnvelopeLimit,
                            int activeUsers30d, @Nullable Instant lastActivityAt) {
}
