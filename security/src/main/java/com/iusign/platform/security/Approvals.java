package com.iusign.platform.security;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Four eyes: a consequential request is carried out only when a second SuperAdmin approves it
 * before it expires ({@code iusign.approvals.expiry}, 24 h by default). "Second" is about people,
 * not credentials: an API client stands for the SuperAdmin who registered it, and neither the
 * requester's person nor anyone that person invited may approve — so nobody approves their own
 * request through a second client or a freshly invited account. The requester may cancel; any
 * other SuperAdmin may reject. Decisions are serialized per request (row lock): of two concurrent
 * approvals one carries the request out and the other is told it was decided.
 */
@Service
@Transactional
public class Approvals {

    private static final String COLUMNS = """
            id, kind, tenant_id, subject_id, summary, requested_by_kind, requested_by, reason, ticket, correlation_id, requested_at,
            expires_at, status, decided_by_kind, decided_by, decision_reason, decided_at""";

    private final JdbcClient jdbc;
    private final ObjectProvider<ApprovalHandler> handlers;
    private final SuperAdminAccounts accounts;
    private final AdminApiClients clients;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration expiry;

    Approvals(JdbcClient jdbc, ObjectProvider<ApprovalHandler> handlers, SuperAdminAccounts accounts, AdminApiClients clients,
              ApplicationEventPublisher events, ObjectProvider<Clock> clock, @Value("${iusign.approvals.expiry:PT24H}") Duration expiry) {
        this.jdbc = jdbc;
        this.handlers = handlers;
        this.accounts = accounts;
        this.clients = clients;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.expiry = expiry;
    }

    /** Records a request in the caller's transaction; nothing is carried out until another SuperAdmin approves it. */
    public Approval request(String kind, @Nullable TenantId tenantId, UUID subjectId, String summary, Change change) {
        handler(kind);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO approval (id, kind, tenant_id, subject_id, summary, requested_by_kind, requested_by, reason, ticket,
                                      correlation_id, requested_at, expires_at, status)
                VALUES (:id, :kind, :tenant, :subject, :summary, :byKind, :by, :reason, :ticket, :correlation, :now, :expires, 'PENDING')""")
                .param("id", id).param("kind", kind).param("tenant", tenantId == null ? null : tenantId.value())
                .param("subject", subjectId).param("summary", summary).param("byKind", change.by().kind().name())
                .param("by", change.by().name()).param("reason", change.reason()).param("ticket", change.ticket())
                .param("correlation", change.correlationId()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(expiry))).update();
        Approval approval = get(id);
        events.publishEvent(new ApprovalRequested(UUID.randomUUID(), approval, now));
        return approval;
    }

    /**
     * Approves and carries out the request.
     *
     * @throws SelfApproval when the decider is the requester's person or was invited by it
     * @throws Conflict     when the request was decided already or has expired
     */
    public Approval approve(UUID id, Change decision) {
        Approval approval = lockPending(id);
        requireSecondPerson(approval, decision.by());
        Approval approved = decide(approval, ApprovalStatus.APPROVED, decision);
        handler(approval.kind()).approved(approved, decision);
        return approved;
    }

    /** Rejects the request (another SuperAdmin) or cancels it (its requester). */
    public Approval reject(UUID id, Change decision) {
        Approval approval = lockPending(id);
        boolean own = Objects.equals(person(approval.requestedBy()), person(decision.by()));
        Approval closed = decide(approval, own ? ApprovalStatus.CANCELLED : ApprovalStatus.REJECTED, decision);
        handler(approval.kind()).closed(closed, decision);
        return closed;
    }

    @Transactional(readOnly = true)
    public Approval get(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE id = :id").param("id", id).query(this::approval).optional()
                .orElseThrow(() -> new NotFound("No approval with id " + id));
    }

    /** Every request still waiting for a decision, the soonest to expire first. */
    @Transactional(readOnly = true)
    public List<Approval> pending() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE status = 'PENDING' AND expires_at > :now ORDER BY expires_at")
                .param("now", Timestamp.from(clock.instant())).query(this::approval).list();
    }

    /** The tenant's requests, newest first. */
    @Transactional(readOnly = true)
    public List<Approval> ofTenant(TenantId tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE tenant_id = :tenant ORDER BY requested_at DESC LIMIT 100")
                .param("tenant", tenantId.value()).query(this::approval).list();
    }

    private Approval lockPending(UUID id) {
        Approval approval = jdbc.sql("SELECT " + COLUMNS + " FROM approval WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::approval).optional().orElseThrow(() -> new NotFound("No approval with id " + id));
        switch (approval.status()) {
            case PENDING -> {
                return approval;
            }
            case EXPIRED -> throw new Conflict("status", "This request expired at " + approval.expiresAt()
                    + " without a decision: ask for it again");
            default -> throw new Conflict("status", "This request was " + approval.status().name().toLowerCase() + " already by "
                    + approval.decidedBy() + " at " + approval.decidedAt());
        }
    }

    private void requireSecondPerson(Approval approval, Actor decider) {
        String requester = person(approval.requestedBy());
        String deciding = person(decider);
        if (requester.equals(deciding)) {
            throw new SelfApproval(decider.kind() == approval.requestedBy().kind() && decider.name().equals(approval.requestedBy().name())
                    ? "You asked for this: a second SuperAdmin must approve it"
                    : decider + " acts for " + deciding + ", who asked for this: a second SuperAdmin must approve it");
        }
        if (decider.kind() == Actor.Kind.SUPERADMIN && !accounts.isActive(decider.name())) {
            throw new SelfApproval(decider.name() + " is not an active SuperAdmin");
        }
        String invitedBy = accounts.find(deciding).map(SuperAdminAccount::invitedBy).orElse(null);
        if (requester.equals(invitedBy)) {
            throw new SelfApproval(deciding + " was invited by " + requester + ", who asked for this: a SuperAdmin they did not invite"
                    + " must approve it");
        }
    }

    private String person(Actor actor) {
        return clients.personBehind(actor);
    }

    private Approval decide(Approval approval, ApprovalStatus status, Change decision) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE approval SET status = :status, decided_by_kind = :kind, decided_by = :by, decision_reason = :reason, decided_at = :now
                 WHERE id = :id""")
                .param("status", status.name()).param("kind", decision.by().kind().name()).param("by", decision.by().name())
                .param("reason", decision.reason()).param("now", Timestamp.from(now)).param("id", approval.id()).update();
        Approval decided = get(approval.id());
        events.publishEvent(new ApprovalDecided(UUID.randomUUID(), decided, now));
        return decided;
    }

    private ApprovalHandler handler(String kind) {
        return handlers.orderedStream().filter(handler -> handler.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No ApprovalHandler for requests of kind " + kind));
    }

    private Approval approval(ResultSet row, int n) throws SQLException {
        ApprovalStatus stored = ApprovalStatus.valueOf(row.getString("status"));
        Instant expiresAt = row.getTimestamp("expires_at").toInstant();
        ApprovalStatus status = stored == ApprovalStatus.PENDING && !expiresAt.isAfter(clock.instant()) ? ApprovalStatus.EXPIRED : stored;
        String decidedBy = row.getString("decided_by");
        return new Approval(row.getObject("id", UUID.class), row.getString("kind"), row.getObject("tenant_id", UUID.class),
                row.getObject("subject_id", UUID.class), row.getString("summary"),
                new Actor(Actor.Kind.valueOf(row.getString("requested_by_kind")), row.getString("requested_by")), row.getString("reason"),
                row.getString("ticket"), row.getString("correlation_id"), row.getTimestamp("requested_at").toInstant(), expiresAt, status,
                decidedBy == null ? null : new Actor(Actor.Kind.valueOf(row.getString("decided_by_kind")), decidedBy),
                row.getString("decision_reason"),
                row.getTimestamp("decided_at") == null ? null : row.getTimestamp("decided_at").toInstant());
    }
}
