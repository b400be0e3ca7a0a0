package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.web.DefaultReason;
import com.iusign.platform.security.SigningKeyRotated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST /api/admin/signing-keys/rotate} (optional body {@code {"reason", "ticket"}}): a new key
 * signs from now on; tokens signed with older keys keep verifying.
 */
@RestController
class SigningKeysController {

    record RotatedBody(String kid, String publishedAt) {
    }

    private final PlatformSigningKeys keys;
    private final ApplicationEventPublisher events;

    SigningKeysController(PlatformSigningKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @PostMapping("/api/admin/signing-keys/rotate")
    RotatedBody rotate(@DefaultReason("Signing key rotated through the admin API") Change change) {
        String kid = keys.rotate();
        events.publishEvent(new SigningKeyRotated(UUID.randomUUID(), kid, change, Instant.now()));
        return new RotatedBody(kid, "/oauth2/jwks");
    }
}
