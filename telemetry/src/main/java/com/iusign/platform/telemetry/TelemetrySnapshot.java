package com.iusign.platform.telemetry;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's usage as the control plane knows it. {@code asOf} is when the numbers were last
 * confirmed (an event applied or a re-sync); {@code stale} when that is older than the configured
 * bound, so a SuperAdmin knows to re-sync before relying on them.
 */
public record TelemetrySnapshot(UUID tenantId, long envelopesTotal, int envelopesThisMonth, long envelopesCompleted,
                                int activeUsers30d, int seatsUsed, int seatLimit, int monthlyEnvelopeLimit,
                                @Nullable Instant lastActivityAt, Instant asOf, boolean stale, @Nullable Instant resyncedAt,
                                @Nullable Instant driftCorrectedAt) {
}
