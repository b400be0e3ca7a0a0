package com.iusign.platform.audit;

import com.iusign.platform.identity.RecoveryCaseChanged;
import com.iusign.platform.identity.TenantUserActivationResent;
import com.iusign.platform.identity.TenantUserAdded;
import com.iusign.platform.identity.TenantUserStatusChanged;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.security.TenantSessionsFlushed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Appends the access governance of a tenant to the trail: users added, locked, unlocked, sessions flushed. */
@Component
class AccessEventAuditor {

    private final AuditStore store;

    AccessEventAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(TenantUserAdded event) {
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), "user.added", Map.of(),
                Map.of("userId", event.userId().toString(), "email", event.email(), "role", event.role().name()));
    }

    @EventListener
    void on(TenantUserStatusChanged event) {
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(),
                switch (event.to()) {
                    case LOCKED -> "user.locked";
                    case DISABLED -> "user.disabled";
                    case ACTIVE -> "user.unlocked";
                },
                Map.of("userId", event.userId().toString(), "status", event.from().name()),
                Map.of("userId", event.userId().toString(), "status", event.to().name()));
    }

    @EventListener
    void on(TenantUserActivationResent event) {
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), "user.activation-resent", Map.of(),
                Map.of("userId", event.userId().toString(), "email", event.email(), "expiresAt", event.expiresAt().toString()));
    }

    /** Each step of an administrative recovery: {@code recovery.opened}, {@code recovery.verified}, {@code recovery.completed} … */
    @EventListener
    void on(RecoveryCaseChanged event) {
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), "recovery." + event.step(), Map.of(),
                Map.of("caseId", event.caseId().toString(), "userId", event.userId().toString(), "status", event.status().name(),
                        "detail", event.detail()));
    }

    @EventListener
    void on(TenantSessionsFlushed event) {
        Map<String, Object> after = new HashMap<>();
        after.put("sessionsValidFrom", event.effectiveAt().toString());
        if (event.userId() != null) {
            after.put("userId", event.userId().toString());
        }
        store.append(event.eventId(), event.tenantId(), event.effectiveAt(), event.change(),
                event.userId() == null ? "sessions.flushed" : "user.sessions-flushed", Map.of(), after);
    }
}
