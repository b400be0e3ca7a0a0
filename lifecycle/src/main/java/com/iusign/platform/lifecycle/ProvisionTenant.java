package com.iusign.platform.lifecycle;

import org.jspecify.annotations.Nullable;

/** What a SuperAdmin gives to provision a tenant; {@code subscriptionStatus} defaults to TRIALING. */
public record ProvisionTenant(@Nullable String name, @Nullable String slug, @Nullable String plan,
                              @Nullable String ownerEmail, @Nullable String customDomain,
                              @Nullable SubscriptionStatus subscriptionStatus) {

    public ProvisionTenant(String name, String slug, String plan, String ownerEmail, @Nullable String customDomain) {
        this(name, slug, plan, ownerEmail, customDomain, null);
    }
}
