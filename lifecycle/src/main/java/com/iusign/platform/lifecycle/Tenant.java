package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.TenantId;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The tenant record as the lifecycle module holds it; {@code version} guards against lost updates.
 *
 * @param purgeAfter when a DEACTIVATED tenant's retention window ends (null in every other status)
 * @param purgedAt   when a PURGED tenant's data was destroyed (null otherwise)
 */
public record Tenant(TenantId id, String name, String slug, String plan, SubscriptionStatus subscriptionStatus,
                     TenantStatus status, String ownerEmail, @Nullable String customDomain, Instant createdAt,
                     Instant updatedAt, Instant statusChangedAt, long version, @Nullable Instant purgeAfter,
                     @Nullable Instant purgedAt) {
}
