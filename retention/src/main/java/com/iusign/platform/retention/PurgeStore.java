package com.iusign.platform.retention;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** SQL of the purge: its progress row, the catalogue of tenant tables, and the bounded deletes. */
@Repository
class PurgeStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcClient jdbc;

    PurgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A purge as its row says. */
    record Purge(UUID tenantId, String trigger, @Nullable String approvedBy, @Nullable String requestedBy, String reason, Instant createdAt,
                 @Nullable Instant startedAt, Map<String, Long> rowsDeleted, int batches, @Nullable String keyDestroyed,
                 @Nullable Instant finishedAt, @Nullable String recordJws) {
    }

    Optional<Purge> find(UUID tenantId) {
        return jdbc.sql("SELECT * FROM tenant_purge WHERE tenant_id = :tenant").param("tenant", tenantId).query((row, n) -> {
            Timestamp started = row.getTimestamp("started_at");
            Timestamp finished = row.getTimestamp("finished_at");
            return new Purge(row.getObject("tenant_id", UUID.class), row.getString("trigger"), row.getString("approved_by"),
                    row.getString("requested_by"), row.getString("reason"), row.getTimestamp("created_at").toInstant(),
                    started == null ? null : started.toInstant(),
                    JSON.readValue(row.getString("rows_deleted"), new TypeReference<LinkedHashMap<String, Long>>() { }),
                    row.getInt("batches"), row.getString("key_destroyed"), finished == null ? null : finished.toInstant(),
                    row.getString("record_jws"));
        }).optional();
    }

    /** Records that the tenant is to be purged; the first record wins (an approval and the window's end may meet). */
    void create(UUID tenantId, String trigger, @Nullable String approvedBy, @Nullable String requestedBy, String reason) {
        jdbc.sql("""
                INSERT INTO tenant_purge (tenant_id, trigger, approved_by, requested_by, reason, created_at)
                VALUES (:tenant, :trigger, :approvedBy, :requestedBy, :reason, clock_timestamp()) ON CONFLICT (tenant_id) DO NOTHING""")
                .param("tenant", tenantId).param("trigger", trigger).param("approvedBy", approvedBy).param("requestedBy", requestedBy)
                .param("reason", reason).update();
    }

    /** Unfinished purges, oldest first. */
    List<UUID> unfinished(int limit) {
        return jdbc.sql("SELECT tenant_id FROM tenant_purge WHERE finished_at IS NULL ORDER BY created_at LIMIT :limit")
                .param("limit", limit).query(UUID.class).list();
    }

    /**
     * Locks the purge's row until the transaction ends: a legal hold being placed ({@link LegalHolds#place})
     * and a runner starting the purge take it in turn, so each sees what the other committed.
     */
    void lock(UUID tenantId) {
        jdbc.sql("SELECT 1 FROM tenant_purge WHERE tenant_id = :tenant FOR UPDATE").param("tenant", tenantId).query(Integer.class).optional();
    }

    /**
     * Takes (or renews) the purge's lease for {@code owner}: one instance at a time works on a
     * purge; when it dies, another takes over after the lease ran out and resumes where the rows say.
     */
    boolean lease(UUID tenantId, String owner, Duration length) {
        return jdbc.sql("""
                UPDATE tenant_purge SET lease_owner = :owner, lease_until = clock_timestamp() + make_interval(secs => :seconds),
                                        started_at = coalesce(started_at, clock_timestamp())
                 WHERE tenant_id = :tenant AND finished_at IS NULL
                   AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until < clock_timestamp())""")
                .param("owner", owner).param("seconds", length.toSeconds()).param("tenant", tenantId).update() == 1;
    }

    void release(UUID tenantId, String owner) {
        jdbc.sql("UPDATE tenant_purge SET lease_owner = NULL, lease_until = NULL WHERE tenant_id = :tenant AND lease_owner = :owner")
                .param("tenant", tenantId).param("owner", owner).update();
    }

    /** The tenant's row-level-secured tables, children before the tables they reference (so no delete breaks a foreign key). */
    List<String> tenantTablesInDeleteOrder() {
        List<String> tables = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                 ORDER BY c.relname""").query(String.class).list();
        Map<String, Set<String>> referencedBy = new HashMap<>();
        jdbc.sql("""
                SELECT child.relname, parent.relname FROM pg_constraint f
                  JOIN pg_class child ON child.oid = f.conrelid JOIN pg_class parent ON parent.oid = f.confrelid
                 WHERE f.contype = 'f' AND child.oid <> parent.oid""")
                .query(row -> {
                    referencedBy.computeIfAbsent(row.getString(2), key -> new HashSet<>()).add(row.getString(1));
                });
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String table : tables) {
            visit(table, tables, referencedBy, ordered, visiting, new ArrayDeque<>());
        }
        return ordered;
    }

    private static void visit(String table, List<String> tables, Map<String, Set<String>> referencedBy, List<String> ordered,
                              Set<String> visiting, Deque<String> path) {
        if (ordered.contains(table) || !tables.contains(table)) {
            return;
        }
        if (!visiting.add(table)) {
            throw new IllegalStateException("Foreign keys form a cycle through " + path + ": the purge cannot order its deletes");
        }
        path.push(table);
        for (String child : referencedBy.getOrDefault(table, Set.of())) {
            visit(child, tables, referencedBy, ordered, visiting, path);
        }
        path.pop();
        ordered.add(table);
    }

    /** Deletes up to {@code limit} of the tenant's rows of {@code table}; runs inside the tenant's scope. */
    int deleteBatch(String table, UUID tenantId, int limit) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        return jdbc.sql("DELETE FROM " + table + " WHERE ctid = ANY (ARRAY (SELECT ctid FROM " + table
                        + " WHERE tenant_id = :tenant LIMIT :limit))")
                .param("tenant", tenantId).param("limit", limit).update();
    }

    /** Adds a batch's count in the batch's own transaction, so the counts are exact across a crash. */
    void counted(UUID tenantId, String table, int deleted) {
        jdbc.sql("""
                UPDATE tenant_purge SET batches = batches + 1,
                       rows_deleted = jsonb_set(rows_deleted, ARRAY[:table], to_jsonb(coalesce((rows_deleted ->> :table)::bigint, 0) + :deleted))
                 WHERE tenant_id = :tenant""")
                .param("table", table).param("deleted", deleted).param("tenant", tenantId).update();
    }

    void keyDestroyed(UUID tenantId, Map<String, Object> key) {
        jdbc.sql("UPDATE tenant_purge SET key_destroyed = CAST(:key AS jsonb) WHERE tenant_id = :tenant")
                .param("key", JSON.writeValueAsString(key)).param("tenant", tenantId).update();
    }

    void finished(UUID tenantId, Instant at, String recordJws) {
        jdbc.sql("UPDATE tenant_purge SET finished_at = :at, record_jws = :jws, lease_owner = NULL, lease_until = NULL WHERE tenant_id = :tenant")
                .param("at", Timestamp.from(at)).param("jws", recordJws).param("tenant", tenantId).update();
    }
}
