package com.iusign.platform.audit;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.security.PlatformSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of the {@code audit_entry} table: append under a lock that orders the chain, and read pages. */
@Repository
class AuditStore {

    private static final long CHAIN_LOCK = 0x1051_6000_0003L;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final PlatformSecrets secrets;

    AuditStore(JdbcClient jdbc, PlatformSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Appends the record unless its source was appended before; must run inside the caller's transaction. */
    /** An entry for a {@link Change} made to a tenant (or, with a null tenant, to the platform). */
    void append(UUID eventId, @Nullable UUID tenantId, Instant at, Change change, String action, Map<String, Object> before,
                Map<String, Object> after) {
        append(new AuditRecord(eventId, tenantId, at, change.by().kind().name(), change.by().name(), action, change.reason(),
                change.ticket(), before, after, change.correlationId()));
    }

    void append(AuditRecord record) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query(Object.class).single();
        boolean seen = jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE source_id = :sourceId)")
                .param("sourceId", record.sourceId()).query(Boolean.class).single();
        if (seen) {
            return;
        }
        String previous = jdbc.sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").query(String.class).optional()
                .orElse(AuditChain.GENESIS);
        // PostgreSQL keeps microseconds; hashing the stored precision keeps the chain verifiable.
        Instant occurredAt = record.occurredAt().truncatedTo(ChronoUnit.MICROS);
        String before = AuditChain.canonicalJson(record.before());
        String after = AuditChain.canonicalJson(record.after());
        String hash = AuditChain.link(secrets, AuditChain.content(previous, record.tenantId(), occurredAt, record.actorKind(),
                record.actor(), record.action(), record.reason(), record.ticket(), before, after, record.correlationId()));
        jdbc.sql("""
                INSERT INTO audit_entry (source_id, tenant_id, occurred_at, actor_kind, actor, action, reason, ticket,
                                         before_values, after_values, correlation_id, previous_hash, hash, chain)
                VALUES (:sourceId, :tenantId, :occurredAt, :actorKind, :actor, :action, :reason, :ticket,
                        CAST(:before AS jsonb), CAST(:after AS jsonb), :correlationId, :previous, :hash, :chain)""")
                .param("sourceId", record.sourceId()).param("tenantId", record.tenantId())
                .param("occurredAt", Timestamp.from(occurredAt)).param("actorKind", record.actorKind())
                .param("actor", record.actor()).param("action", record.action()).param("reason", record.reason())
                .param("ticket", record.ticket()).param("before", before).param("after", after)
                .param("correlationId", record.correlationId()).param("previous", previous).param("hash", hash)
                .param("chain", AuditChain.KEYED).update();
    }

    /**
     * Every action the trail holds, in order: a loose index scan of {@code audit_entry_by_action}
     * (one probe per distinct action), not a scan of the trail.
     */
    List<String> actions() {
        return jdbc.sql("""
                WITH RECURSIVE found(action) AS (
                  SELECT min(action) FROM audit_entry
                  UNION ALL
                  SELECT (SELECT min(action) FROM audit_entry WHERE action > found.action) FROM found WHERE found.action IS NOT NULL)
                SELECT action FROM found WHERE action IS NOT NULL""").query(String.class).list();
    }

    List<AuditEntry> page(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE true");
        var statement = new java.util.LinkedHashMap<String, Object>();
        if (query.tenantId() != null) {
            sql.append(" AND tenant_id = :tenantId");
            statement.put("tenantId", query.tenantId());
        }
        if (query.action() != null) {
            sql.append(" AND action = :action");
            statement.put("action", query.action());
        }
        if (query.actor() != null) {
            sql.append(" AND lower(actor) = lower(:actor)");
            statement.put("actor", query.actor());
        }
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            statement.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            statement.put("to", Timestamp.from(query.to()));
        }
        if (query.beforeId() != null) {
            sql.append(" AND id < :beforeId");
            statement.put("beforeId", query.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        statement.put("limit", query.size() + 1);
        return jdbc.sql(sql.toString()).params(statement).query(AuditStore::entry).list();
    }

    /**
     * Walks the chain in batches from the start and returns the id of the first entry whose link
     * does not hold: altered, out of place, or not made with the platform's key after the chain
     * became keyed (an entry someone inserted with database access alone).
     */
    @Nullable Long firstBrokenLink() {
        String previous = AuditChain.GENESIS;
        boolean keyed = false;
        long after = 0;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            jdbc.sql("SELECT * FROM audit_entry WHERE id > :after ORDER BY id LIMIT 1000").param("after", after)
                    .query(row -> {
                        batch.add(new Object[] {entry(row, 0), row.getString("previous_hash"), row.getString("chain")});
                    });
            if (batch.isEmpty()) {
                return null;
            }
            for (Object[] item : batch) {
                AuditEntry entry = (AuditEntry) item[0];
                String chain = (String) item[2];
                String content = AuditChain.content(previous, entry.tenantId(), entry.occurredAt(), entry.actorKind(), entry.actor(),
                        entry.action(), entry.reason(), entry.ticket(), AuditChain.canonicalJson(entry.before()),
                        AuditChain.canonicalJson(entry.after()), entry.correlationId());
                keyed |= AuditChain.KEYED.equals(chain);
                String expected = AuditChain.KEYED.equals(chain) ? AuditChain.link(secrets, content)
                        : AuditChain.LEGACY.equals(chain) && !keyed ? AuditChain.legacyLink(content) : null;
                if (!previous.equals(item[1]) || expected == null || !java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), entry.hash().getBytes(StandardCharsets.US_ASCII))) {
                    return entry.id();
                }
                previous = entry.hash();
                after = entry.id();
            }
        }
    }

    static AuditEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new AuditEntry(
                row.getLong("id"),
                row.getObject("tenant_id", UUID.class),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor_kind"),
                row.getString("actor"),
                row.getString("action"),
                row.getString("reason"),
                row.getString("ticket"),
                JSON.readValue(row.getString("before_values"), MAP),
                JSON.readValue(row.getString("after_values"), MAP),
                row.getString("correlation_id"),
                row.getString("hash"));
    }
}
