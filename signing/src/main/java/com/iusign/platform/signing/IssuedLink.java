package com.iusign.platform.signing;

import java.time.Instant;

/** A signing link as issued once: the token is shown to the sender and stored only as its hash. */
public record IssuedLink(String recipientName, String recipientEmail, String token, Instant expiresAt) {
}
