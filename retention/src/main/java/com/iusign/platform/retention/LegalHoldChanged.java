package com.iusign.platform.retention;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A legal hold was placed ({@code placed}) or released on a tenant. */
public record LegalHoldChanged(UUID eventId, UUID tenantId, LegalHold hold, boolean placed, Change change, Instant at) {
}
