package com.iusign.platform.retention;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.security.DocumentSigner;
import com.iusign.platform.security.TenantMasterKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The destruction record of a purge: a JSON document signed with the platform signing key (JWS
 * ES256, {@code typ} {@value #TYPE}, verifiable with {@code /oauth2/jwks}) naming the tenant, who
 * asked and who approved, the retention window, each table with the rows deleted, the key
 * destroyed and the times — what a regulator or the tenant's lawyer reads afterwards.
 */
@Component
public class DestructionRecords {

    public static final String TYPE = "iusign-destruction-record+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DocumentSigner signer;
    private final JdbcClient jdbc;

    DestructionRecords(DocumentSigner signer, JdbcClient jdbc) {
        this.signer = signer;
        this.jdbc = jdbc;
    }

    /** The signed record (compact JWS) of the tenant's finished purge. */
    public Optional<String> of(TenantId tenantId) {
        return jdbc.sql("SELECT record_jws FROM tenant_purge WHERE tenant_id = :tenant AND record_jws IS NOT NULL")
                .param("tenant", tenantId.value()).query(String.class).optional();
    }

    String sign(Tenant before, Tenant tombstone, PurgeStore.Purge purge) {
        Map<String, Object> record = new TreeMap<>();
        record.put("issuer", "urn:iusign:control-plane");
        record.put("tenantId", before.id().value().toString());
        record.put("name", before.name());
        record.put("slug", before.slug());
        record.put("deactivatedAt", before.statusChangedAt().toString());
        record.put("retentionEnds", before.purgeAfter() == null ? null : before.purgeAfter().toString());
        record.put("trigger", purge.trigger());
        record.put("requestedBy", purge.requestedBy());
        record.put("approvedBy", purge.approvedBy());
        record.put("reason", purge.reason());
        record.put("scheduledAt", purge.createdAt().toString());
        record.put("startedAt", purge.startedAt() == null ? null : purge.startedAt().toString());
        record.put("purgedAt", tombstone.purgedAt() == null ? null : tombstone.purgedAt().toString());
        record.put("tables", new TreeMap<>(purge.rowsDeleted()));
        record.put("rowsDeleted", purge.rowsDeleted().values().stream().mapToLong(Long::longValue).sum());
        record.put("batches", purge.batches());
        record.put("key", purge.keyDestroyed() == null ? null : JSON.readTree(purge.keyDestroyed()));
        record.put("kept", "the tenant's tombstone (status PURGED, id, name) and its audit trail");
        return signer.sign(TYPE, JSON.writeValueAsString(record));
    }

    static Map<String, Object> key(@Nullable TenantMasterKey key) {
        Map<String, Object> facts = new TreeMap<>();
        if (key == null) {
            facts.put("state", "NONE (the tenant never had a master key: it stored no document)");
            return facts;
        }
        facts.put("provider", key.provider());
        facts.put("keyId", key.keyId());
        facts.put("state", key.state().name());
        facts.put("materialVersions", key.materialVersions());
        if (key.deletionDate() != null) {
            facts.put("deletionDate", key.deletionDate().toString());
        }
        return facts;
    }
}
