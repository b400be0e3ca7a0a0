package com.iusign.platform.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of the trail: who did what to which tenant, why, with the values before and after. */
public record AuditEntry(long id, @Nullable UUID tenantId, Instant occurredAt, String actorKind, String actor, String action,
                         @Nullable String reason, @Nullable String ticket, Map<String, Object> before, Map<String, Object> after,
                         String correlationId, String hash) {
}
