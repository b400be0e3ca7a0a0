package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A new platform signing key signs tokens from {@code at} on; older keys keep verifying. */
public record SigningKeyRotated(UUID eventId, String kid, Change change, Instant at) {
}
