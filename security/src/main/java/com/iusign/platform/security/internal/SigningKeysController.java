package com.iusign.platform.security.internal;

import com.iusign.platform.security.SigningKeyRotated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** {@code POST /api/admin/signing-keys/rotate}: a new key signs from now on; tokens signed with older keys keep verifying. */
@RestController
class SigningKeysController {

    private final PlatformSigningKeys keys;
    private final ApplicationEventPublisher events;

    SigningKeysController(PlatformSigningKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @PostMapping("/api/admin/signing-keys/rotate")
    Map<String, Object> rotate(Principal caller) {
        String kid = keys.rotate();
        events.publishEvent(new SigningKeyRotated(UUID.randomUUID(), kid, caller.getName(), Instant.now()));
        return Map.of("kid", kid, "publishedAt", "/oauth2/jwks");
    }
}
