package com.iusign.platform.compliance;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.mail.OutgoingMail;
import com.iusign.platform.mail.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proactive support, as the guide asks of the "Approaching limits" list: a SuperAdmin records that
 * they contacted a tenant (the note is the change's reason, audited as {@code tenant.contacted})
 * and may send its owner a notice through the outbox, in the same transaction — so a notice is never
 * recorded without being queued, nor queued without being recorded.
 */
@Service
public class TenantOutreach {

    /** When a tenant was last contacted, by whom and whether its owner was mailed. */
    public record LastContact(Instant at, String by, boolean ownerMailed) {
    }

    private final JdbcClient jdbc;
    private final TenantLifecycle lifecycle;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    TenantOutreach(JdbcClient jdbc, TenantLifecycle lifecycle, Outbox outbox, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.events = events;
    }

    /** @throws com.iusign.platform.kernel.NotFound for an unknown tenant */
    @Transactional
    public LastContact record(TenantId tenantId, boolean mailOwner, Change change) {
        Tenant tenant = lifecycle.get(tenantId);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO tenant_outreach (id, tenant_id, contacted_at, contacted_by, note, owner_mailed)
                VALUES (:id, :tenant, :at, :by, :note, :mailed)""")
                .param("id", UUID.randomUUID()).param("tenant", tenantId.value()).param("at", Timestamp.from(now))
                .param("by", change.by().name()).param("note", change.reason()).param("mailed", mailOwner).update();
        if (mailOwner) {
            outbox.enqueue(new OutgoingMail(tenant.ownerEmail(), "Your " + tenant.name() + " plan and its limits",
                    "Hello,\n\nyour organization " + tenant.name() + " is close to the limits of its " + tenant.plan() + " plan."
                            + "\n\n" + change.reason() + "\n\nReply to this message and we will help you choose what fits.\n\nIUSign support",
                    null, tenantId.value(), "outreach:" + tenantId.value()));
        }
        events.publishEvent(new TenantContacted(UUID.randomUUID(), tenantId.value(), change, mailOwner, now));
        return new LastContact(now, change.by().name(), mailOwner);
    }

    /** The latest contact of each of the tenants that has one. */
    @Transactional(readOnly = true)
    public Map<UUID, LastContact> lastContacts(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (tenant_id) tenant_id, contacted_at, contacted_by, owner_mailed FROM tenant_outreach
                 WHERE tenant_id = ANY(:ids) ORDER BY tenant_id, contacted_at DESC""")
                .param("ids", tenantIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), new LastContact(rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getBoolean(4)))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
