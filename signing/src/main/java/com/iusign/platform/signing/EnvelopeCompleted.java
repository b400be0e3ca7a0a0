package com.iusign.platform.signing;

import java.time.Instant;
import java.util.UUID;

/** The last recipient signed. */
public record EnvelopeCompleted(UUID eventId, UUID tenantId, UUID envelopeId, Instant at) {
}
