package com.iusign.platform.signing.web;

import com.iusign.platform.signing.Envelope;
import com.iusign.platform.signing.SigningLinkView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's JSON shapes, kept in one place so the tenant and public APIs render the same fields alike. */
final class SigningJson {

    private SigningJson() {
    }

    static Map<String, Object> envelope(Envelope envelope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", envelope.id().toString());
        body.put("title", envelope.title());
        body.put("status", envelope.status().name());
        body.put("createdAt", envelope.createdAt().toString());
        body.put("sentAt", text(envelope.sentAt()));
        body.put("completedAt", text(envelope.completedAt()));
        body.put("voidedAt", text(envelope.voidedAt()));
        body.put("voidReason", envelope.voidReason());
        body.put("document", Map.of("fileName", envelope.document().fileName(), "sizeBytes", envelope.document().sizeBytes(),
                "sha256", envelope.document().sha256()));
        body.put("recipients", envelope.recipients().stream().map(recipient -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", recipient.name());
            r.put("email", recipient.email());
            r.put("order", recipient.position());
            r.put("signedAt", text(recipient.signedAt()));
            return r;
        }).toList());
        return body;
    }

    static Map<String, Object> link(SigningLinkView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("envelopeTitle", view.envelopeTitle());
        body.put("recipientName", view.recipientName());
        body.put("status", view.status().name());
        body.put("signed", view.signed());
        body.put("waitingFor", view.waitingFor());
        body.put("expiresAt", view.expiresAt().toString());
        body.put("document", Map.of("fileName", view.documentFileName(), "sizeBytes", view.documentSizeBytes()));
        return body;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
