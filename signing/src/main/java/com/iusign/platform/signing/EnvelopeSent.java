package com.iusign.platform.signing;

import java.time.Instant;
import java.util.UUID;

/** An envelope's links were issued: one per recipient. */
public record EnvelopeSent(UUID eventId, UUID tenantId, UUID envelopeId, UUID sentBy, int recipients, Instant at) {
}
