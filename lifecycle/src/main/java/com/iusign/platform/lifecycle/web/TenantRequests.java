package com.iusign.platform.lifecycle.web;

import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.web.ChangeRequest;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin API's request bodies; enum and id fields arrive as text so a bad value gets a message naming the field. */
final class TenantRequests {

    private TenantRequests() {
    }

    record Provision(@Nullable String name, @Nullable String slug, @Nullable String plan, @Nullable String ownerEmail,
                     @Nullable String customDomain, @Nullable String subscriptionStatus, @Nullable String reason,
                     @Nullable String ticket) implements ChangeRequest {
    }

    record Patch(@Nullable String name, @Nullable String plan, @Nullable String subscriptionStatus,
                 @Nullable String customDomain, @Nullable String reason, @Nullable String ticket, @Nullable Long version) implements ChangeRequest {
    }

    record StatusChange(@Nullable String reason, @Nullable String ticket, @Nullable Long version) implements ChangeRequest {
    }

    record Bulk(@Nullable List<String> tenantIds, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    static @Nullable SubscriptionStatus subscription(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return SubscriptionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("subscriptionStatus", "Unknown subscription status '" + value + "'; one of "
                    + Arrays.toString(SubscriptionStatus.values())));
        }
    }

    static UUID tenantId(String field, @Nullable String value) {
        try {
            return UUID.fromString(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of(field, "'" + value + "' is not a tenant id (a UUID)"));
        }
    }
}
