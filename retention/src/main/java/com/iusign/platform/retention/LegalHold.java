package com.iusign.platform.retention;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A legal hold on a tenant: while it stands (not released) the tenant is never purged. */
public record LegalHold(UUID id, UUID tenantId, String reason, @Nullable String ticket, String placedBy, Instant placedAt,
                        @Nullable String releasedBy, @Nullable String releaseReason, @Nullable Instant releasedAt) {

    public boolean active() {
        return releasedAt == null;
    }
}
