package com.iusign.platform.security.internal;

import com.iusign.platform.security.KeyProvider;
import com.iusign.platform.security.TenantKeyUnusable;
import com.iusign.platform.security.TenantMasterKey;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keys without a KMS (the embedded default, single-server deployments): each tenant's master key
 * is its own random AES-256 key, one row per generation in {@code tenant_master_key}, stored
 * wrapped by the platform root key ({@code IUSIGN_KEYS_MASTER_KEY}) with the tenant and
 * generation as associated data. A data key is wrapped under the newest generation
 * ({@code local-tenant}: 4-byte generation, then the {@link AesGcm} envelope); older generations
 * keep their material so that data keys wrapped before a rotation still unwrap. {@link #destroy}
 * erases every generation's material.
 *
 * <p>Limit, stated in the operations guide: the wrapped material sits in the same database, so a
 * database backup taken before the destruction still holds it, readable with the root key; only
 * a KMS (whose keys are not in the backups) shreds the backups too. Data keys of the legacy
 * {@code local} scheme (wrapped by the root key directly, before master keys per tenant) still
 * unwrap and are re-wrapped on first use.
 */
final class LocalKeyProvider implements KeyProvider {

    static final String SCHEME = "local-tenant";
    static final String LEGACY_SCHEME = "local";

    private final AesGcm root;
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    LocalKeyProvider(byte[] rootKey, JdbcClient jdbc) {
        this.root = new AesGcm(rootKey, "The platform master key");
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public DataKey generateDataKey(UUID tenantId) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        return new DataKey(dataKey, wrapUnderNewest(tenantId, dataKey));
    }

    @Override
    public byte[] unwrap(UUID tenantId, String scheme, byte[] wrapped) {
        if (LEGACY_SCHEME.equals(scheme)) {
            return root.open(wrapped, "iusign-data-key:" + tenantId, "A tenant data key");
        }
        if (!SCHEME.equals(scheme)) {
            throw new IllegalStateException("A data key of tenant " + tenantId + " was wrapped by the '" + scheme
                    + "' key provider; this platform runs the local one (switching providers needs the keys re-wrapped)");
        }
        int generation = ByteBuffer.wrap(wrapped, 0, 4).getInt();
        AesGcm master = new AesGcm(material(tenantId, generation), "A tenant data key");
        return master.open(Arrays.copyOfRange(wrapped, 4, wrapped.length), dataKeyContext(tenantId, generation), "A tenant data key");
    }

    @Override
    public WrappedKey rewrap(UUID tenantId, String scheme, byte[] wrapped) {
        return wrapUnderNewest(tenantId, unwrap(tenantId, scheme, wrapped));
    }

    @Override
    public TenantMasterKey rotate(UUID tenantId) {
        if (describe(tenantId).isEmpty()) {
            ensureNewest(tenantId);
        } else {
            insertGeneration(tenantId, ensureNewest(tenantId) + 1);
        }
        return describe(tenantId).orElseThrow();
    }

    @Override
    public Optional<TenantMasterKey> describe(UUID tenantId) {
        record Generation(int version, Timestamp createdAt, Timestamp destroyedAt) {
        }
        List<Generation> generations = jdbc.sql("""
                        SELECT version, created_at, destroyed_at FROM tenant_master_key WHERE tenant_id = :tenant ORDER BY version""")
                .param("tenant", tenantId)
                .query((rs, n) -> new Generation(rs.getInt(1), rs.getTimestamp(2), rs.getTimestamp(3))).list();
        if (generations.isEmpty()) {
            return Optional.empty();
        }
        Generation newest = generations.getLast();
        boolean destroyed = newest.destroyedAt() != null;
        return Optional.of(new TenantMasterKey(name(), "local:" + tenantId, null,
                destroyed ? TenantMasterKey.State.DESTROYED : TenantMasterKey.State.ENABLED,
                generations.getFirst().createdAt().toInstant(),
                generations.size() > 1 ? newest.createdAt().toInstant() : null,
                destroyed ? newest.destroyedAt().toInstant() : null, generations.size()));
    }

    @Override
    public Optional<TenantMasterKey> destroy(UUID tenantId) {
        // A tenant that never had a key gets a destroyed one, so that no later use can create a fresh key for it.
        jdbc.sql("""
                INSERT INTO tenant_master_key (tenant_id, version, material_wrapped, destroyed_at)
                VALUES (:tenant, 1, NULL, clock_timestamp()) ON CONFLICT (tenant_id, version) DO NOTHING""")
                .param("tenant", tenantId).update();
        jdbc.sql("""
                UPDATE tenant_master_key SET material_wrapped = NULL, destroyed_at = clock_timestamp()
                 WHERE tenant_id = :tenant AND destroyed_at IS NULL""").param("tenant", tenantId).update();
        return describe(tenantId);
    }

    @Override
    public byte[] wrapPlatformSecret(String purpose, byte[] secret) {
        return root.seal(secret, "iusign-platform-secret:" + purpose, "The platform secret '" + purpose + "'");
    }

    @Override
    public byte[] unwrapPlatformSecret(String purpose, byte[] wrapped) {
        return root.open(wrapped, "iusign-platform-secret:" + purpose, "The platform secret '" + purpose + "'");
    }

    /** What versions before security-013 stored (the data key under the root key itself): only for the migration's test. */
    WrappedKey wrapLegacy(UUID tenantId, byte[] dataKey) {
        return new WrappedKey(LEGACY_SCHEME, root.seal(dataKey, "iusign-data-key:" + tenantId, "A tenant data key"));
    }

    private WrappedKey wrapUnderNewest(UUID tenantId, byte[] dataKey) {
        int generation = ensureNewest(tenantId);
        byte[] sealed = new AesGcm(material(tenantId, generation), "A tenant data key")
                .seal(dataKey, dataKeyContext(tenantId, generation), "A tenant data key");
        return new WrappedKey(SCHEME, ByteBuffer.allocate(4 + sealed.length).putInt(generation).put(sealed).array());
    }

    /** The newest generation, creating the first one when the tenant has none (two first uses at once: one insert wins). */
    private int ensureNewest(UUID tenantId) {
        Optional<Integer> newest = jdbc.sql("SELECT max(version) FROM tenant_master_key WHERE tenant_id = :tenant")
                .param("tenant", tenantId).query(Integer.class).optional();
        if (newest.isPresent()) {
            return newest.get();
        }
        insertGeneration(tenantId, 1);
        return jdbc.sql("SELECT max(version) FROM tenant_master_key WHERE tenant_id = :tenant")
                .param("tenant", tenantId).query(Integer.class).single();
    }

    private void insertGeneration(UUID tenantId, int generation) {
        byte[] material = new byte[32];
        random.nextBytes(material);
        int inserted = jdbc.sql("""
                        INSERT INTO tenant_master_key (tenant_id, version, material_wrapped)
                        SELECT :tenant, :version, :wrapped
                         WHERE NOT EXISTS (SELECT 1 FROM tenant_master_key WHERE tenant_id = :tenant AND destroyed_at IS NOT NULL)
                        ON CONFLICT (tenant_id, version) DO NOTHING""")
                .param("tenant", tenantId).param("version", generation)
                .param("wrapped", root.seal(material, materialContext(tenantId, generation), "A tenant master key")).update();
        if (inserted == 0 && generation > 1) {
            throw destroyedOrRaced(tenantId);
        }
    }

    private byte[] material(UUID tenantId, int generation) {
        record Row(byte[] wrapped, boolean destroyed) {
        }
        Row row = jdbc.sql("SELECT material_wrapped, destroyed_at IS NOT NULL FROM tenant_master_key WHERE tenant_id = :tenant AND version = :version")
                .param("tenant", tenantId).param("version", generation)
                .query((rs, n) -> new Row(rs.getBytes(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no master key generation " + generation));
        if (row.destroyed()) {
            throw new TenantKeyUnusable("DESTROYED", "The tenant's master key was destroyed: its data can no longer be decrypted");
        }
        return root.open(row.wrapped(), materialContext(tenantId, generation), "A tenant master key");
    }

    private RuntimeException destroyedOrRaced(UUID tenantId) {
        boolean destroyed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenant_master_key WHERE tenant_id = :tenant AND destroyed_at IS NOT NULL)")
                .param("tenant", tenantId).query(Boolean.class).single();
        return destroyed
                ? new TenantKeyUnusable("DESTROYED", "The tenant's master key was destroyed; it cannot be rotated or used again")
                : new com.iusign.platform.kernel.Conflict(null, "The tenant's master key was rotated at the same moment by someone else; reload and check");
    }

    private static String dataKeyContext(UUID tenantId, int generation) {
        return "iusign-data-key:" + tenantId + ":v" + generation;
    }

    private static String materialContext(UUID tenantId, int generation) {
        return "iusign-tenant-master-key:" + tenantId + ":v" + generation;
    }
}
