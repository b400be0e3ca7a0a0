package com.iusign.platform.signing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An envelope as its tenant sees it: the document's metadata (never its bytes) and recipients in signing order. */
public record Envelope(UUID id, UUID tenantId, String title, EnvelopeStatus status, UUID createdBy, Instant createdAt,
                       @Nullable Instant sentAt, @Nullable Instant completedAt, @Nullable Instant voidedAt,
                       @Nullable String voidReason, Document document, List<Recipient> recipients) {

    public record Document(String fileName, int sizeBytes, String sha256) {
    }

    public record Recipient(UUID id, int position, String name, String email, @Nullable Instant signedAt) {
    }
}
