package com.iusign.platform.mail;

import com.iusign.platform.kernel.InvalidInput;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One message to one recipient. The subject is stored in clear and must carry no secret (no
 * link, no code); the bodies may, and are sealed at rest until delivered.
 *
 * @param reference what the message belongs to, e.g. {@code owner-assignment:<id>}: the delivery
 *                  state of a step is looked up by it
 * @param tenantId  the tenant the message concerns, or null for the platform's own (a SuperAdmin invitation)
 */
public record OutgoingMail(String to, String subject, String text, @Nullable String html, @Nullable UUID tenantId,
                           String reference) {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}$");

    public OutgoingMail {
        if (to == null || !ADDRESS.matcher(to).matches()) {
            throw new InvalidInput(Map.of("to", "Not an e-mail address: " + to));
        }
        if (subject == null || subject.isBlank() || subject.length() > 200 || subject.contains("\n") || subject.contains("\r")) {
            throw new InvalidInput(Map.of("subject", "A subject of 1 to 200 characters on one line is required"));
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInput(Map.of("text", "A plain-text body is required"));
        }
        if (reference == null || reference.isBlank() || reference.length() > 120) {
            throw new InvalidInput(Map.of("reference", "A reference of 1 to 120 characters is required"));
        }
    }
}
