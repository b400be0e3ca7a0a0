package com.iusign.platform.telemetry;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A tenant's usage numbers after a change (an event applied, a re-sync, a plan change), for read
 * models such as the manifest. {@code envelopesThisMonth} counts within {@code month} (first day,
 * UTC); {@code asOf} orders the announcements of one tenant. Limits are null until the tenant's
 * plan is known to telemetry.
 */
public record TenantUsageChanged(UUID tenantId, int envelopesThisMonth, LocalDate month, int seatsUsed, @Nullable Integer seatLimit,
                                 @Nullable Integer monthlyEnvelopeLimit, int activeUsers30d, @Nullable Instant lastActivityAt,
                                 Instant asOf) {
}
