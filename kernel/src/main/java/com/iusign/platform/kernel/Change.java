package com.iusign.platform.kernel;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Why and by whom a tenant is changed: the actor, a reason of 3-500 characters, an optional
 * ticket or incident reference, and the correlation id of the request that carried it, so that
 * the audit trail can tie every entry back to its request.
 */
public record Change(Actor by, String reason, @Nullable String ticket, String correlationId) {

    public static final int MIN_REASON = 3;
    public static final int MAX_REASON = 500;
    public static final int MAX_TICKET = 80;

    public Change {
        Objects.requireNonNull(by, "actor");
        String trimmedReason = reason == null ? "" : reason.strip();
        if (trimmedReason.length() < MIN_REASON || trimmedReason.length() > MAX_REASON) {
            throw new InvalidInput(Map.of("reason",
                    "A reason of " + MIN_REASON + " to " + MAX_REASON + " characters is required (it goes to the audit trail)"));
        }
        reason = trimmedReason;
        ticket = ticket == null || ticket.isBlank() ? null : ticket.strip();
        if (ticket != null && ticket.length() > MAX_TICKET) {
            throw new InvalidInput(Map.of("ticket", "The ticket reference must have at most " + MAX_TICKET + " characters"));
        }
        correlationId = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
    }

    public static Change of(Actor by, String reason) {
        return new Change(by, reason, null, null);
    }
}
