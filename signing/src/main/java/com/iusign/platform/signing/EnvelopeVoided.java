package com.iusign.platform.signing;

import java.time.Instant;
import java.util.UUID;

/** A tenant user withdrew the envelope; its links answer "no longer available". */
public record EnvelopeVoided(UUID eventId, UUID tenantId, UUID envelopeId, UUID voidedBy, String reason, Instant at) {
}
