package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Every fact the lifecycle module publishes about a tenant. Each carries a unique
 * {@code eventId} (listeners deduplicate redeliveries by it), the tenant's permanent id, the
 * {@link Change} that caused it, and its values before and after, so that a listener such as the
 * audit trail needs nothing else.
 */
public sealed interface TenantEvent permits TenantProvisioned, TenantRenamed, TenantPlanChanged,
        TenantSubscriptionStatusChanged, TenantCustomDomainChanged, TenantStatusChanged, TenantOwnerChanged, TenantRetentionChanged {

    UUID eventId();

    TenantId tenantId();

    Change change();

    Instant at();

    /** Stable action name for the audit trail, e.g. {@code tenant.suspended}. */
    String action();

    Map<String, Object> before();

    Map<String, Object> after();

    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }
}
