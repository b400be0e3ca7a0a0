package com.iusign.platform.audit;

import com.iusign.platform.security.AdminApiClientRegistered;
import com.iusign.platform.security.AdminApiClientRevoked;
import com.iusign.platform.inventory.ManifestExported;
import com.iusign.platform.security.SignInLockedOut;
import com.iusign.platform.security.SigningKeyRotated;
import com.iusign.platform.security.SuperAdminSignedIn;
import com.iusign.platform.security.SuperAdminPasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Appends the SuperAdmins' platform actions (admin API clients registered and revoked, own
 * password changed, sign-ins, manifest exports) and sign-in lockouts to the trail, in the transaction of the action, like {@link TenantEventAuditor}.
 * These entries belong to no tenant.
 */
@Component
class PlatformEventAuditor {

    static final String BOOTSTRAP = "bootstrap";

    private final AuditStore store;

    PlatformEventAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(AdminApiClientRegistered event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), kind(event.by()), event.by(), "api-client.registered",
                null, null, Map.of(), Map.of("clientId", event.clientId(), "name", event.name()), event.eventId().toString()));
    }

    @EventListener
    void on(AdminApiClientRevoked event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), kind(event.by()), event.by(), "api-client.revoked",
                null, null, Map.of("clientId", event.clientId(), "state", "active"),
                Map.of("clientId", event.clientId(), "state", "revoked"), event.eventId().toString()));
    }

    @EventListener
    void on(SigningKeyRotated event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), event.change().by().kind().name(), event.change().by().name(),
                "signing-key.rotated", event.change().reason(), event.change().ticket(), Map.of(), Map.of("kid", event.kid()),
                event.change().correlationId()));
    }

    @EventListener
    void on(SuperAdminPasswordChanged event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), "SUPERADMIN", event.email(), "superadmin.password-changed",
                null, null, Map.of(), Map.of(), event.eventId().toString()));
    }

    @EventListener
    void on(SuperAdminSignedIn event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), "SUPERADMIN", event.email(), "superadmin.signed-in",
                null, null, Map.of(), Map.of("source", event.source()), event.eventId().toString()));
    }

    /** A tenant user's lockout belongs to the tenant's trail; a SuperAdmin's to the platform's. */
    @EventListener
    void on(SignInLockedOut event) {
        store.append(new AuditRecord(event.eventId(), event.tenantId(), event.at(), "SYSTEM", "system:sign-in-lockout",
                "sign-in.locked-out", "Too many wrong passwords from one address", null, Map.of(),
                Map.of("account", event.account(), "source", event.source(), "failures", event.failures(),
                        "until", event.until().toString()), event.eventId().toString()));
    }

    @EventListener
    void on(ManifestExported event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), event.by().kind().name(), event.by().name(), "manifest.exported",
                null, null, Map.of(), Map.of("filter", event.filter()), event.correlationId()));
    }

    private static String kind(String by) {
        return BOOTSTRAP.equals(by) ? "SYSTEM" : "SUPERADMIN";
    }
}
