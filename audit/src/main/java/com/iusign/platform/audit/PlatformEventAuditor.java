package com.iusign.platform.audit;

import com.iusign.platform.security.AdminApiClientRegistered;
import com.iusign.platform.security.AdminApiClientRevoked;
import com.iusign.platform.inventory.ManifestExported;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalDecided;
import com.iusign.platform.security.ApprovalRequested;
import com.iusign.platform.security.SignInLockedOut;
import com.iusign.platform.security.SuperAdminInvited;
import com.iusign.platform.security.SuperAdminStatusChanged;
import com.iusign.platform.security.SigningKeyRotated;
import com.iusign.platform.security.SuperAdminSignedIn;
import com.iusign.platform.security.SuperAdminPasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
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

    @EventListener
    void on(SuperAdminInvited event) {
        store.append(new AuditRecord(event.eventId(), null, event.at(), event.change().by().kind().name(), event.change().by().name(),
                "superadmin.invited", event.change().reason(), event.change().ticket(), Map.of(),
                Map.of("email", event.email(), "expiresAt", event.expiresAt().toString()), event.change().correlationId()));
    }

    @EventListener
    void on(SuperAdminStatusChanged event) {
        String action = switch (event.to()) {
            case ACTIVE -> event.from() == com.iusign.platform.security.SuperAdminStatus.INVITED ? "superadmin.activated" : "superadmin.enabled";
            case DISABLED -> "superadmin.disabled";
            case INVITED -> "superadmin.enabled";
        };
        store.append(new AuditRecord(event.eventId(), null, event.at(), event.change().by().kind().name(), event.change().by().name(),
                action, event.change().reason(), event.change().ticket(), Map.of("email", event.email(), "status", event.from().name()),
                Map.of("email", event.email(), "status", event.to().name()), event.change().correlationId()));
    }

    /** A request and its decision belong to the tenant's trail when they concern one; both name requester and decider. */
    @EventListener
    void on(ApprovalRequested event) {
        Approval approval = event.approval();
        store.append(new AuditRecord(event.eventId(), approval.tenantId(), event.at(), approval.requestedBy().kind().name(),
                approval.requestedBy().name(), "approval.requested", approval.reason(), approval.ticket(), Map.of(),
                approvalValues(approval), approval.correlationId()));
    }

    @EventListener
    void on(ApprovalDecided event) {
        Approval approval = event.approval();
        Map<String, Object> after = approvalValues(approval);
        after.put("decisionReason", approval.decisionReason());
        store.append(new AuditRecord(event.eventId(), approval.tenantId(), event.at(), approval.decidedBy().kind().name(),
                approval.decidedBy().name(), "approval." + approval.status().name().toLowerCase(), approval.decisionReason(),
                approval.ticket(), Map.of("status", "PENDING"), after, approval.correlationId()));
    }

    private static Map<String, Object> approvalValues(Approval approval) {
        Map<String, Object> values = new HashMap<>();
        values.put("approvalId", approval.id().toString());
        values.put("kind", approval.kind());
        values.put("summary", approval.summary());
        values.put("status", approval.status().name());
        values.put("requestedBy", approval.requestedBy().toString());
        values.put("expiresAt", approval.expiresAt().toString());
        if (approval.decidedBy() != null) {
            values.put("decidedBy", approval.decidedBy().toString());
        }
        return values;
    }

    private static String kind(String by) {
        return BOOTSTRAP.equals(by) ? "SYSTEM" : "SUPERADMIN";
    }
}
