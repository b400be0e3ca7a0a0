package com.iusign.platform.signing;

import java.time.Instant;
import java.util.UUID;

/** A recipient opened their signing link for the first time. */
public record SigningLinkOpened(UUID eventId, UUID tenantId, UUID envelopeId, UUID recipientId, Instant at) {
}
