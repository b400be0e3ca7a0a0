package com.iusign.platform.audit;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What is to be appended; {@code sourceId} (an event id) makes appending it twice a no-op. */
record AuditRecord(UUID sourceId, @Nullable UUID tenantId, Instant occurredAt, String actorKind, String actor, String action,
                   @Nullable String reason, @Nullable String ticket, Map<String, Object> before, Map<String, Object> after,
                   String correlationId) {
}
