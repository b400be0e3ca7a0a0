package com.iusign.platform.signing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** What a signer sees through a link: the envelope, who they are, and whether they still have to sign. */
public record SigningLinkView(String envelopeTitle, String recipientName, EnvelopeStatus status, boolean signed,
                              @Nullable String waitingFor, Instant expiresAt, String documentFileName, int documentSizeBytes) {
}
