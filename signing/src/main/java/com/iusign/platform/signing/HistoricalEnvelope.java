package com.iusign.platform.signing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An envelope that was sent (and perhaps completed) before this platform recorded it: one recipient, one document. */
public record HistoricalEnvelope(String title, String recipientName, String recipientEmail, Instant sentAt, @Nullable Instant completedAt) {
}
