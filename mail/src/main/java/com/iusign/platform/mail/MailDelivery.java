package com.iusign.platform.mail;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** The delivery state of one message, without its body. */
public record MailDelivery(UUID id, @Nullable UUID tenantId, String reference, String recipient, String subject, MailStatus status,
                           int attempts, @Nullable String lastError, Instant queuedAt, @Nullable Instant nextAttemptAt,
                           @Nullable Instant sentAt) {
}
