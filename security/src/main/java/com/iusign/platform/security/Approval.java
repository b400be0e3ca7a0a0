package com.iusign.platform.security;

import com.iusign.platform.kernel.Actor;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A consequential request waiting for (or decided by) a second SuperAdmin.
 *
 * @param kind      what is asked, e.g. {@code owner-assignment}; the {@link ApprovalHandler} of that kind carries it out
 * @param subjectId the request's own record in the module that asked (the owner assignment's id …)
 */
public record Approval(UUID id, String kind, @Nullable UUID tenantId, UUID subjectId, String summary, Actor requestedBy, String reason,
                       @Nullable String ticket, String correlationId, Instant requestedAt, Instant expiresAt, ApprovalStatus status,
                       @Nullable Actor decidedBy, @Nullable String decisionReason, @Nullable Instant decidedAt) {
}
