package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A deactivated tenant's retention window was extended to {@code days} after its deactivation. */
public record TenantRetentionChanged(UUID eventId, TenantId tenantId, @Nullable Instant purgeAfterBefore, Instant purgeAfter, int days,
                                     Change change, Instant at) implements TenantEvent {

    @Override
    public String action() {
        return "tenant.retention-changed";
    }

    @Override
    public Map<String, Object> before() {
        return purgeAfterBefore == null ? Map.of() : Map.of("purgeAfter", purgeAfterBefore.toString());
    }

    @Override
    public Map<String, Object> after() {
        return Map.of("purgeAfter", purgeAfter.toString(), "retentionDays", days);
    }
}
