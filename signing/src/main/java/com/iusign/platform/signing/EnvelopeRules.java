package com.iusign.platform.signing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a new envelope field by field, so a refusal names every problem at once; nothing is stored before it passes. */
final class EnvelopeRules {

    static final int MAX_RECIPIENTS = 50;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /**
     * Characters that change how text around them is shown without being visible themselves:
     * controls, line and paragraph separators, and Unicode format characters such as the
     * right-to-left override (U+202E), which can make "invoice_fdp.exe" read "invoice_exe.pdf".
     * The zero-width (non-)joiners stay allowed: scripts and emoji need them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}&&[^\\u200C\\u200D]]");

    private EnvelopeRules() {
    }

    static void check(NewEnvelope envelope, int maxDocumentBytes) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(errors, "title", envelope.title(), 200);
        byte[] document = envelope.document();
        if (document == null || document.length == 0) {
            errors.put("document", "A PDF document is required");
        } else if (document.length > maxDocumentBytes) {
            errors.put("document", "The document is " + document.length + " bytes; the limit is " + maxDocumentBytes + " (10 MB)");
        } else if (!isPdf(document)) {
            errors.put("document", "The document is not a PDF (it must start with %PDF- and end with %%EOF)");
        }
        List<NewEnvelope.NewRecipient> recipients = envelope.recipients();
        if (recipients == null || recipients.isEmpty()) {
            errors.put("recipients", "At least one recipient is required");
        } else if (recipients.size() > MAX_RECIPIENTS) {
            errors.put("recipients", "At most " + MAX_RECIPIENTS + " recipients per envelope");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < recipients.size(); i++) {
                NewEnvelope.NewRecipient recipient = recipients.get(i);
                text(errors, "recipients[" + i + "].name", recipient == null ? null : recipient.name(), 200);
                String email = recipient == null || recipient.email() == null ? "" : recipient.email().strip();
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    errors.put("recipients[" + i + "].email", "'" + email + "' is not a valid e-mail address");
                } else if (!seen.add(email.toLowerCase(Locale.ROOT))) {
                    errors.put("recipients[" + i + "].email", email + " is already a recipient of this envelope");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw SigningException.validation(errors);
        }
    }

    static String fileName(String fileName) {
        String name = fileName == null ? "" : CONTROL.matcher(fileName).replaceAll("").replaceAll("[/\\\\\"]", "_").strip();
        return name.isEmpty() ? "document.pdf" : name.substring(0, Math.min(name.length(), 255));
    }

    /** A PDF starts with its header and ends (give or take trailing whitespace) with its end-of-file marker. */
    static boolean isPdf(byte[] document) {
        if (document.length < 12 || !new String(document, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return false;
        }
        int tail = Math.max(0, document.length - 1024);
        return new String(document, tail, document.length - tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    static void text(Map<String, String> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Required");
        } else if (value.strip().length() > max) {
            errors.put(field, "At most " + max + " characters");
        } else {
            var invisible = INVISIBLE.matcher(value);
            if (invisible.find()) {
                errors.put(field, "Must not contain control, invisible formatting or text-direction characters (found U+"
                        + String.format("%04X", value.codePointAt(invisible.start())) + ")");
            }
        }
    }

    /** A typed signature is the recipient's own name: compared without regard to case, spacing or Unicode composition. */
    static boolean sameName(String typed, String recipientName) {
        return comparable(typed).equals(comparable(recipientName));
    }

    private static String comparable(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }
}
