package com.iusign.platform.signing;

import com.iusign.platform.security.TenantKeyRing;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace tables. Queries name no tenant: they run inside a {@link com.iusign.platform.security.TenantScope}
 * and row-level security keeps them to that tenant's rows (the isolation tests rely on exactly that).
 * The one exception is {@link #tenantOfLink}, the platform-level route of an anonymous link token.
 */
@Repository
class SigningStore {

    private final JdbcClient jdbc;

    SigningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertEnvelope(UUID id, UUID tenantId, String title, UUID createdBy) {
        jdbc.sql("INSERT INTO envelope (id, tenant_id, title, status, created_by) VALUES (:id, :tenant, :title, 'DRAFT', :by)")
                .param("id", id).param("tenant", tenantId).param("title", title).param("by", createdBy).update();
    }

    void insertDocument(UUID envelopeId, UUID tenantId, String fileName, int size, String sha256, TenantKeyRing.Sealed sealed) {
        jdbc.sql("""
                INSERT INTO envelope_document (envelope_id, tenant_id, file_name, size_bytes, sha256, key_version, nonce, ciphertext)
                VALUES (:id, :tenant, :name, :size, :sha, :version, :nonce, :ciphertext)""")
                .param("id", envelopeId).param("tenant", tenantId).param("name", fileName).param("size", size).param("sha", sha256)
                .param("version", sealed.keyVersion()).param("nonce", sealed.nonce()).param("ciphertext", sealed.ciphertext()).update();
    }

    void insertRecipient(UUID id, UUID tenantId, UUID envelopeId, int position, String name, String email) {
        jdbc.sql("INSERT INTO recipient (id, tenant_id, envelope_id, position, name, email) VALUES (:id, :tenant, :envelope, :position, :name, :email)")
                .param("id", id).param("tenant", tenantId).param("envelope", envelopeId).param("position", position)
                .param("name", name).param("email", email).update();
    }

    void insertLink(UUID tenantId, UUID recipientId, String tokenHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO signing_link (id, tenant_id, recipient_id, token_hash, expires_at) VALUES (:id, :tenant, :recipient, :hash, :expires)")
                .param("id", UUID.randomUUID()).param("tenant", tenantId).param("recipient", recipientId).param("hash", tokenHash)
                .param("expires", Timestamp.from(expiresAt)).update();
        jdbc.sql("INSERT INTO signing_link_route (token_hash, tenant_id) VALUES (:hash, :tenant)")
                .param("hash", tokenHash).param("tenant", tenantId).update();
    }

    Optional<Envelope> envelope(UUID id, boolean forUpdate) {
        Optional<Envelope> found = jdbc.sql("SELECT * FROM envelope e JOIN envelope_document d ON d.envelope_id = e.id WHERE e.id = :id"
                        + (forUpdate ? " FOR UPDATE OF e" : ""))
                .param("id", id).query((rs, n) -> envelope(rs, List.of())).optional();
        return found.map(envelope -> withRecipients(List.of(envelope)).getFirst());
    }

    /** Newest first, keyset-paged on (created_at, id); one extra row tells whether another page follows. */
    List<Envelope> page(@Nullable Instant beforeTime, @Nullable UUID beforeId, int size) {
        String sql = "SELECT * FROM envelope e JOIN envelope_document d ON d.envelope_id = e.id"
                + (beforeTime == null ? "" : " WHERE (e.created_at, e.id) < (:time, :id)")
                + " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit";
        var statement = jdbc.sql(sql).param("limit", size + 1);
        if (beforeTime != null) {
            statement = statement.param("time", Timestamp.from(beforeTime)).param("id", beforeId);
        }
        return withRecipients(statement.query((rs, n) -> envelope(rs, List.of())).list());
    }

    boolean transition(UUID id, EnvelopeStatus from, EnvelopeStatus to, @Nullable String voidReason) {
        String stamp = switch (to) {
            case SENT -> ", sent_at = now()";
            case COMPLETED -> ", completed_at = now()";
            case VOIDED -> ", voided_at = now(), void_reason = :reason";
            case DRAFT -> "";
        };
        var statement = jdbc.sql("UPDATE envelope SET status = :to" + stamp + " WHERE id = :id AND status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name());
        if (to == EnvelopeStatus.VOIDED) {
            statement = statement.param("reason", voidReason);
        }
        return statement.update() == 1;
    }

    /** Envelopes this tenant sent since the start of the current UTC calendar month. */
    int sentThisMonth() {
        return jdbc.sql("SELECT count(*) FROM envelope WHERE sent_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")
                .query(Integer.class).single();
    }

    EnvelopeUsage usage(java.time.LocalDate fromDay) {
        record Totals(long sent, long month, long completed, @Nullable Instant last) {
        }
        // One aggregate per index (see signing-002): each is an index scan of this tenant's entries only.
        Totals totals = jdbc.sql("""
                SELECT (SELECT count(*) FROM envelope WHERE sent_at IS NOT NULL),
                       (SELECT count(*) FROM envelope WHERE sent_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'),
                       (SELECT count(*) FROM envelope WHERE completed_at IS NOT NULL),
                       greatest((SELECT max(sent_at) FROM envelope), (SELECT max(completed_at) FROM envelope),
                                (SELECT max(voided_at) FROM envelope), (SELECT max(signed_at) FROM recipient),
                                (SELECT max(opened_at) FROM signing_link))""")
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, 4))).single();
        List<EnvelopeUsage.Day> days = jdbc.sql("""
                SELECT day, sum(sent)::int, sum(completed)::int FROM (
                  SELECT (sent_at AT TIME ZONE 'UTC')::date AS day, 1 AS sent, 0 AS completed FROM envelope WHERE sent_at >= :from
                  UNION ALL
                  SELECT (completed_at AT TIME ZONE 'UTC')::date, 0, 1 FROM envelope WHERE completed_at >= :from) d
                 GROUP BY day ORDER BY day""")
                .param("from", Timestamp.from(fromDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> new EnvelopeUsage.Day(rs.getObject(1, java.time.LocalDate.class), rs.getInt(2), rs.getInt(3))).list();
        return new EnvelopeUsage(totals.sent(), totals.month(), totals.completed(), totals.last(), days);
    }

    /** Dates an imported envelope: created an hour before it was sent, completed (its one recipient signed) when given. */
    void datePast(UUID envelopeId, Instant sentAt, @Nullable Instant completedAt, String signerName) {
        jdbc.sql("""
                UPDATE envelope SET status = :status, created_at = :created, sent_at = :sent, completed_at = :completed
                 WHERE id = :id""")
                .param("status", completedAt == null ? EnvelopeStatus.SENT.name() : EnvelopeStatus.COMPLETED.name())
                .param("created", Timestamp.from(sentAt.minusSeconds(3600))).param("sent", Timestamp.from(sentAt))
                .param("completed", completedAt == null ? null : Timestamp.from(completedAt)).param("id", envelopeId).update();
        if (completedAt != null) {
            jdbc.sql("UPDATE recipient SET signed_at = :at, typed_name = :name WHERE envelope_id = :id")
                    .param("at", Timestamp.from(completedAt)).param("name", signerName).param("id", envelopeId).update();
        }
    }

    InFlight inFlight() {
        // Both counts start from the in-flight partial index (signing-005): the tenant's finished history is never read.
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM envelope WHERE status = 'SENT'),
                       (SELECT count(*) FROM envelope e JOIN recipient r ON r.envelope_id = e.id AND r.signed_at IS NULL
                          JOIN signing_link l ON l.recipient_id = r.id AND l.expires_at > now()
                         WHERE e.status = 'SENT')""")
                .query((rs, n) -> new InFlight(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Serializes quota checks of one tenant across instances until the transaction ends. */
    void lockTenantQuota(UUID tenantId, String quota) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "iusign-quota:" + quota + ":" + tenantId)
                .query(Object.class).single();
    }

    Optional<UUID> tenantOfLink(String tokenHash) {
        return jdbc.sql("SELECT tenant_id FROM signing_link_route WHERE token_hash = :hash").param("hash", tokenHash).query(UUID.class).optional();
    }

    record LinkRow(UUID linkId, UUID recipientId, UUID envelopeId, Instant expiresAt, @Nullable Instant openedAt) {
    }

    Optional<LinkRow> link(String tokenHash) {
        return jdbc.sql("""
                SELECT l.id, l.recipient_id, r.envelope_id, l.expires_at, l.opened_at
                  FROM signing_link l JOIN recipient r ON r.id = l.recipient_id WHERE l.token_hash = :hash""")
                .param("hash", tokenHash)
                .query((rs, n) -> new LinkRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant(), instant(rs, 5)))
                .optional();
    }

    boolean markOpened(UUID linkId) {
        return jdbc.sql("UPDATE signing_link SET opened_at = now() WHERE id = :id AND opened_at IS NULL").param("id", linkId).update() == 1;
    }

    boolean sign(UUID recipientId, String typedName) {
        return jdbc.sql("UPDATE recipient SET signed_at = now(), typed_name = :name WHERE id = :id AND signed_at IS NULL")
                .param("id", recipientId).param("name", typedName).update() == 1;
    }

    TenantKeyRing.Sealed sealedDocument(UUID envelopeId) {
        return jdbc.sql("SELECT key_version, nonce, ciphertext FROM envelope_document WHERE envelope_id = :id").param("id", envelopeId)
                .query((rs, n) -> new TenantKeyRing.Sealed(rs.getInt(1), rs.getBytes(2), rs.getBytes(3))).single();
    }

    private List<Envelope> withRecipients(List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return envelopes;
        }
        Map<UUID, List<Envelope.Recipient>> byEnvelope = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM recipient WHERE envelope_id = ANY(:ids) ORDER BY envelope_id, position")
                .param("ids", envelopes.stream().map(Envelope::id).toArray(UUID[]::new))
                .query(rs -> {
                    byEnvelope.computeIfAbsent(rs.getObject("envelope_id", UUID.class), id -> new ArrayList<>())
                            .add(new Envelope.Recipient(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("name"),
                                    rs.getString("email"), instant(rs, "signed_at")));
                });
        return envelopes.stream().map(e -> new Envelope(e.id(), e.tenantId(), e.title(), e.status(), e.createdBy(), e.createdAt(),
                e.sentAt(), e.completedAt(), e.voidedAt(), e.voidReason(), e.document(), byEnvelope.getOrDefault(e.id(), List.of()))).toList();
    }

    private static Envelope envelope(ResultSet rs, List<Envelope.Recipient> recipients) throws SQLException {
        return new Envelope(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("title"),
                EnvelopeStatus.valueOf(rs.getString("status")), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "sent_at"), instant(rs, "completed_at"),
                instant(rs, "voided_at"), rs.getString("void_reason"),
                new Envelope.Document(rs.getString("file_name"), rs.getInt("size_bytes"), rs.getString("sha256")), recipients);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
