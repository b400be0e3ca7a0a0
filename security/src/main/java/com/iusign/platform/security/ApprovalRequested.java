package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A four-eyes request was made; it waits for a second SuperAdmin until it expires. */
public record ApprovalRequested(UUID eventId, Approval approval, Instant at) {
}
