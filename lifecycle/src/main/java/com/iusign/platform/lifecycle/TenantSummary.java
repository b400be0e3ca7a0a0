package com.iusign.platform.lifecycle;

import java.time.Instant;

/** What the platform shows of a tenant in lists. */
public record TenantSummary(TenantId id, String name, String slug, String plan, SubscriptionStatus subscriptionStatus,
                            TenantStatus status, Instant createdAt) {
}
