package com.iusign.platform.lifecycle;

import org.jspecify.annotations.Nullable;

/**
 * A partial change of a tenant: every null field stays as it is; an empty {@code customDomain}
 * removes the domain. With {@code expectedVersion} the change is refused when the tenant changed
 * since the caller loaded it.
 */
public record UpdateTenant(@Nullable String name, @Nullable String plan, @Nullable SubscriptionStatus subscriptionStatus,
                           @Nullable String customDomain, @Nullable Long expectedVersion) {

    public boolean isEmpty() {
        return name == null && plan == null && subscriptionStatus == null && customDomain == null;
    }
}
