package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A new platform signing key signs tokens from {@code at} on; older keys keep verifying. */
public record SigningKeyRotated(UUID eventId, String kid, String by, Instant at) {
}
