package com.iusign.platform.telemetry;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A tenant's usage after a change (an event applied, a re-sync), for read models such as the
 * manifest and for the usage rules: {@code envelopesThisMonth} counts within {@code month} (first
 * day, UTC); {@code envelopesToday} on the UTC day of {@code asOf} and
 * {@code envelopesPrevious30Days} in the 30 days before it; {@code asOf} orders the announcements
 * of one tenant. Usage only: the tenant's plan and limits are the lifecycle's.
 */
public record TenantUsageChanged(UUID eventId, UUID tenantId, int envelopesThisMonth, LocalDate month, int seatsUsed, int activeUsers30d,
                                 @Nullable Instant lastActivityAt, int envelopesToday, int envelopesPrevious30Days, Instant asOf) {
}
