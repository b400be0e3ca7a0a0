package com.iusign.platform.signing.web;

import com.iusign.platform.signing.Envelope;
import com.iusign.platform.signing.IssuedLink;
import com.iusign.platform.signing.SigningLinkView;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The API's response bodies, kept in one place so the tenant and public APIs render the same
 * fields alike. Field names are a contract (add, never rename).
 */
final class SigningJson {

    private SigningJson() {
    }

    record EnvelopeBody(String id, String title, String status, Instant createdAt, @Nullable Instant sentAt,
                        @Nullable Instant completedAt, @Nullable Instant voidedAt, @Nullable String voidReason, DocumentBody document,
                        List<RecipientBody> recipients) {

        static EnvelopeBody of(Envelope envelope) {
            Envelope.Document document = envelope.document();
            return new EnvelopeBody(envelope.id().toString(), envelope.title(), envelope.status().name(), envelope.createdAt(),
                    envelope.sentAt(), envelope.completedAt(), envelope.voidedAt(), envelope.voidReason(),
                    new DocumentBody(document.fileName(), document.sizeBytes(), document.sha256()),
                    envelope.recipients().stream().map(r -> new RecipientBody(r.name(), r.email(), r.position(), r.signedAt())).toList());
        }
    }

    record DocumentBody(String fileName, int sizeBytes, @Nullable String sha256) {
    }

    record RecipientBody(String name, String email, int order, @Nullable Instant signedAt) {
    }

    record EnvelopePageBody(List<EnvelopeBody> items, @Nullable String nextCursor) {
    }

    record LinksBody(List<LinkBody> links) {

        static LinksBody of(List<IssuedLink> links, String base) {
            return new LinksBody(links.stream()
                    .map(link -> new LinkBody(link.recipientName(), link.recipientEmail(), base + link.token(), link.expiresAt())).toList());
        }
    }

    record LinkBody(String recipientName, String recipientEmail, String url, Instant expiresAt) {
    }

    /** What a signer sees; the public page's document has no hash (the signer downloads it instead). */
    record SigningLinkBody(String envelopeTitle, String recipientName, String status, boolean signed, @Nullable String waitingFor,
                           Instant expiresAt, PublicDocumentBody document) {

        static SigningLinkBody of(SigningLinkView view) {
            return new SigningLinkBody(view.envelopeTitle(), view.recipientName(), view.status().name(), view.signed(), view.waitingFor(),
                    view.expiresAt(), new PublicDocumentBody(view.documentFileName(), view.documentSizeBytes()));
        }
    }

    record PublicDocumentBody(String fileName, int sizeBytes) {
    }
}
