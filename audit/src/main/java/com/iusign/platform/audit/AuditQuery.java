package com.iusign.platform.audit;

import com.iusign.platform.kernel.InvalidInput;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of the trail, newest first: optionally one tenant's, one action's or one actor's
 * (case-insensitive), within {@code [from, to)}, continuing below {@code beforeId} (the previous
 * page's cursor).
 */
public record AuditQuery(@Nullable UUID tenantId, @Nullable String action, @Nullable String actor, @Nullable Long beforeId,
                         int size, @Nullable Instant from, @Nullable Instant to) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInput.of("from", "from must be before to");
        }
        action = action == null || action.isBlank() ? null : action.strip();
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    /** Any time. */
    public AuditQuery(@Nullable UUID tenantId, @Nullable String action, @Nullable String actor, @Nullable Long beforeId, int size) {
        this(tenantId, action, actor, beforeId, size, null, null);
    }

    public static AuditQuery latest(int size) {
        return new AuditQuery(null, null, null, null, size);
    }

    public static AuditQuery ofTenant(UUID tenantId, int size) {
        return new AuditQuery(tenantId, null, null, null, size);
    }
}
