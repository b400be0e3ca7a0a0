package com.iusign.platform.audit;

import com.iusign.platform.kernel.InvalidInput;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * A page of the trail, newest first: optionally one tenant's, one action's or one actor's
 * (case-insensitive), continuing below {@code beforeId} (the previous page's cursor).
 */
public record AuditQuery(@Nullable UUID tenantId, @Nullable String action, @Nullable String actor, @Nullable Long beforeId,
                         int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        action = action == null || action.isBlank() ? null : action.strip();
        actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    public static AuditQuery latest(int size) {
        return new AuditQuery(null, null, null, null, size);
    }

    public static AuditQuery ofTenant(UUID tenantId, int size) {
        return new AuditQuery(tenantId, null, null, null, size);
    }
}
