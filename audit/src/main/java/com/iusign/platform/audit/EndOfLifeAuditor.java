package com.iusign.platform.audit;

import com.iusign.platform.retention.LegalHoldChanged;
import com.iusign.platform.security.TenantKeyDestroyed;
import com.iusign.platform.security.TenantKeyRotated;
import com.iusign.platform.security.TenantMasterKey;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Appends the end-of-life governance of a tenant to its trail — master key rotated or destroyed, legal hold placed or released — in the transaction of the action. */
@Component
class EndOfLifeAuditor {

    private final AuditStore store;

    EndOfLifeAuditor(AuditStore store) {
        this.store = store;
    }

    @EventListener
    void on(TenantKeyRotated event) {
        Map<String, Object> after = key(event.key());
        after.put("dataKeysRewrapped", event.dataKeysRewrapped());
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), "key.rotated",
                Map.of("materialVersions", event.key().materialVersions() - 1), after);
    }

    @EventListener
    void on(TenantKeyDestroyed event) {
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), "key.destroyed", Map.of(),
                event.key() == null ? Map.of("keyId", "none (the tenant never had a master key)") : key(event.key()));
    }

    @EventListener
    void on(LegalHoldChanged event) {
        Map<String, Object> hold = new HashMap<>(Map.of("holdId", event.hold().id().toString(), "placedBy", event.hold().placedBy(),
                "reason", event.hold().reason()));
        store.append(event.eventId(), event.tenantId(), event.at(), event.change(), event.placed() ? "legal-hold.placed" : "legal-hold.released",
                event.placed() ? Map.of() : hold, event.placed() ? hold : Map.of("holdId", event.hold().id().toString(), "released", true));
    }

    private static Map<String, Object> key(@Nullable TenantMasterKey key) {
        Map<String, Object> facts = new HashMap<>();
        if (key != null) {
            facts.put("provider", key.provider());
            facts.put("keyId", key.keyId());
            facts.put("state", key.state().name());
            facts.put("materialVersions", key.materialVersions());
            if (key.deletionDate() != null) {
                facts.put("deletionDate", key.deletionDate().toString());
            }
        }
        return facts;
    }
}
