package com.iusign.platform.audit;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.security.DocumentSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The trail as a verifiable file: JSON Lines, one entry per line in chain order (each with its
 * {@code hash} and {@code previousHash}), then one last line {@code {"manifest": "<JWS>"}}. The
 * manifest is signed with the platform signing key ({@code typ: iusign-audit-export+json},
 * verifiable with {@code /oauth2/jwks}) and states the scope (one tenant or the platform), the
 * range, the count, the first and last entry's hash and id, and the SHA-256 of every byte before
 * the manifest line — so a line altered, removed, added or reordered fails the check, for a
 * tenant's export too (whose entries are a subset of the platform-wide chain, so their
 * {@code previousHash} links point at other tenants' entries). The platform-wide export is one
 * unbroken stretch of the chain (from the first entry at or after {@code from} to the last before
 * {@code to}), so it can also be walked link by link. How to verify it offline: {@code docs/security.md#verifying-an-audit-export}.
 */
@Service
public class AuditExport {

    public static final String TYPE = "iusign-audit-export+json";
    private static final int BATCH = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DocumentSigner signer;
    private final AuditStore store;
    private final TransactionTemplate transactions;

    AuditExport(JdbcClient jdbc, DocumentSigner signer, AuditStore store, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.store = store;
        this.transactions = transactions;
    }

    /** Which entries: one tenant's (or, with null, the platform's whole trail), occurred in [from, to). */
    public record Range(@Nullable UUID tenantId, @Nullable Instant from, @Nullable Instant to) {
        public Range {
            if (from != null && to != null && !from.isBefore(to)) {
                throw InvalidInput.of("to", "The end of the range must be after its start");
            }
        }
    }

    /** What the manifest says (also returned to the caller, e.g. for the audit entry of the export). */
    public record Manifest(String scope, @Nullable UUID tenantId, @Nullable Instant from, @Nullable Instant to, long count,
                           @Nullable Long firstId, @Nullable Long lastId, @Nullable String firstHash, @Nullable String lastHash,
                           String sha256, Instant exportedAt, String exportedBy) {
    }

    /**
     * Streams the export to {@code out} and appends {@code audit.exported} to the trail after it
     * (the entries exported are those that existed when the export began).
     */
    public Manifest write(Range range, Actor by, OutputStream out) {
        long upTo = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
        long after = 0;
        if (range.tenantId() == null) {
            // The platform's export is one unbroken stretch of the chain: from the first entry at or after `from` to the last before `to`.
            if (range.from() != null) {
                after = jdbc.sql("SELECT coalesce(min(id) - 1, :upTo) FROM audit_entry WHERE occurred_at >= :from")
                        .param("from", Timestamp.from(range.from())).param("upTo", upTo).query(Long.class).single();
            }
            if (range.to() != null) {
                upTo = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry WHERE occurred_at < :to AND id <= :upTo")
                        .param("to", Timestamp.from(range.to())).param("upTo", upTo).query(Long.class).single();
            }
        }
        MessageDigest digest = sha256();
        long count = 0;
        Long firstId = null;
        String firstHash = null;
        Long lastId = null;
        String lastHash = null;
        try {
            while (true) {
                List<Map<String, Object>> batch = batch(range, after, upTo);
                for (Map<String, Object> line : batch) {
                    byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
                    digest.update(bytes);
                    out.write(bytes);
                    count++;
                    lastId = (Long) line.get("id");
                    lastHash = (String) line.get("hash");
                    if (firstId == null) {
                        firstId = lastId;
                        firstHash = lastHash;
                    }
                    after = lastId;
                }
                if (batch.size() < BATCH) {
                    break;
                }
            }
            Manifest manifest = new Manifest(range.tenantId() == null ? "platform" : "tenant", range.tenantId(), range.from(), range.to(),
                    count, firstId, lastId, firstHash, lastHash, HexFormat.of().formatHex(digest.digest()), Instant.now(), by.name());
            out.write((JSON.writeValueAsString(Map.of("manifest", signer.sign(TYPE, JSON.writeValueAsString(claims(manifest)))))
                    + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            audited(manifest, by);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit export could not be written to the client", e);
        }
    }

    private List<Map<String, Object>> batch(Range range, long after, long upTo) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE id > :after AND id <= :upTo");
        Map<String, Object> params = new HashMap<>(Map.of("after", after, "upTo", upTo, "limit", BATCH));
        if (range.tenantId() != null) {
            sql.append(" AND tenant_id = :tenant");
            params.put("tenant", range.tenantId());
        }
        if (range.tenantId() != null && range.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", Timestamp.from(range.from()));
        }
        if (range.tenantId() != null && range.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", Timestamp.from(range.to()));
        }
        sql.append(" ORDER BY id LIMIT :limit");
        return jdbc.sql(sql.toString()).params(params).query((row, n) -> {
            AuditEntry entry = AuditStore.entry(row, n);
            Map<String, Object> line = new TreeMap<>();
            line.put("id", entry.id());
            line.put("tenantId", entry.tenantId() == null ? null : entry.tenantId().toString());
            line.put("occurredAt", entry.occurredAt().toString());
            line.put("actorKind", entry.actorKind());
            line.put("actor", entry.actor());
            line.put("action", entry.action());
            line.put("reason", entry.reason());
            line.put("ticket", entry.ticket());
            line.put("before", new TreeMap<>(entry.before()));
            line.put("after", new TreeMap<>(entry.after()));
            line.put("correlationId", entry.correlationId());
            line.put("previousHash", row.getString("previous_hash"));
            line.put("hash", entry.hash());
            line.put("chain", row.getString("chain"));
            return line;
        }).list();
    }

    private static Map<String, Object> claims(Manifest manifest) {
        Map<String, Object> claims = new TreeMap<>();
        claims.put("scope", manifest.scope());
        claims.put("tenantId", manifest.tenantId() == null ? null : manifest.tenantId().toString());
        claims.put("from", manifest.from() == null ? null : manifest.from().toString());
        claims.put("to", manifest.to() == null ? null : manifest.to().toString());
        claims.put("count", manifest.count());
        claims.put("firstId", manifest.firstId());
        claims.put("lastId", manifest.lastId());
        claims.put("firstHash", manifest.firstHash());
        claims.put("lastHash", manifest.lastHash());
        claims.put("sha256", manifest.sha256());
        claims.put("exportedAt", manifest.exportedAt().toString());
        claims.put("exportedBy", manifest.exportedBy());
        return claims;
    }

    private void audited(Manifest manifest, Actor by) {
        Map<String, Object> after = new HashMap<>(Map.of("scope", manifest.scope(), "count", manifest.count(), "sha256", manifest.sha256()));
        if (manifest.from() != null) {
            after.put("from", manifest.from().toString());
        }
        if (manifest.to() != null) {
            after.put("to", manifest.to().toString());
        }
        transactions.executeWithoutResult(status -> store.append(new AuditRecord(UUID.randomUUID(), manifest.tenantId(),
                manifest.exportedAt(), by.kind().name(), by.name(), "audit.exported", null, null, Map.of(), after,
                "audit-export-" + UUID.randomUUID())));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
