package com.iusign.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.UUID;

/**
 * Per-tenant data keys: each tenant gets its own random AES-256 data key from the
 * {@link KeyProvider}, stored only wrapped by the tenant's master key; {@link #seal} and
 * {@link #open} encrypt with AES-GCM under it, binding the caller's associated data (e.g. the
 * document id) so a ciphertext cannot be moved to another record or tenant. Unwrapped keys are
 * kept in memory for at most ten minutes after they were unwrapped (so a key destroyed or disabled
 * elsewhere stops working on every instance within that bound), never written anywhere.
 * Runs inside the tenant's {@link TenantScope}: the wrapped keys are row-level secured too.
 */
@Component
public class TenantKeyRing {

    private static final int NONCE_BYTES = 12;
    private static final String LEGACY_SCHEME = "local";
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final KeyProvider provider;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, SecretKeySpec> unwrapped = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(UNWRAPPED_FOR).build();
    static final Duration UNWRAPPED_FOR = Duration.ofMinutes(10);

    TenantKeyRing(JdbcClient jdbc, TenantScope scope, KeyProvider provider) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.provider = provider;
    }

    /** A tenant's ciphertext: which of its keys, the GCM nonce, and the ciphertext with its tag. */
    public record Sealed(int keyVersion, byte[] nonce, byte[] ciphertext) {
    }

    public Sealed seal(UUID tenantId, byte[] plaintext, byte[] associatedData) {
        return scope.call(tenantId, () -> {
            int version = currentVersion(tenantId);
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            return new Sealed(version, nonce, crypt(Cipher.ENCRYPT_MODE, key(tenantId, version), nonce, plaintext, associatedData));
        });
    }

    /** Decrypts and authenticates; a tampered ciphertext, wrong tenant or wrong associated data is refused. */
    public byte[] open(UUID tenantId, Sealed sealed, byte[] associatedData) {
        return scope.call(tenantId, () -> crypt(Cipher.DECRYPT_MODE, key(tenantId, sealed.keyVersion()), sealed.nonce(),
                sealed.ciphertext(), associatedData));
    }

    private int currentVersion(UUID tenantId) {
        Optional<Integer> current = jdbc.sql("SELECT max(version) FROM tenant_data_key WHERE tenant_id = :tenant")
                .param("tenant", tenantId).query(Integer.class).optional();
        if (current.isPresent()) {
            return current.get();
        }
        KeyProvider.WrappedKey wrapped = provider.generateDataKey(tenantId).wrapped();
        // Two first uses at once: one insert wins, both then use the winner's key (read back through key()).
        jdbc.sql("""
                INSERT INTO tenant_data_key (tenant_id, version, provider, wrapped_key) VALUES (:tenant, 1, :scheme, :wrapped)
                ON CONFLICT (tenant_id, version) DO NOTHING""")
                .param("tenant", tenantId).param("scheme", wrapped.scheme()).param("wrapped", wrapped.wrapped()).update();
        return 1;
    }

    /** Re-wraps every data key of the tenant under its master key's newest material; documents are not touched. Returns how many. */
    int rewrapAll(UUID tenantId) {
        return scope.call(tenantId, () -> {
            List<StoredKey> stored = jdbc.sql("SELECT version, provider, wrapped_key FROM tenant_data_key WHERE tenant_id = :tenant FOR UPDATE")
                    .param("tenant", tenantId).query((rs, n) -> new StoredKey(rs.getInt(1), rs.getString(2), rs.getBytes(3))).list();
            stored.forEach(key -> store(tenantId, key.version(), provider.rewrap(tenantId, key.scheme(), key.wrapped())));
            return stored.size();
        });
    }

    /** How the tenant's data keys are wrapped: scheme → count. */
    Map<String, Integer> dataKeySchemes(UUID tenantId) {
        return scope.call(tenantId, () -> jdbc.sql("SELECT provider, count(*) FROM tenant_data_key WHERE tenant_id = :tenant GROUP BY provider")
                .param("tenant", tenantId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Forgets this instance's unwrapped keys of the tenant, so the next use asks the provider again (after a destruction or rotation). */
    public void forget(UUID tenantId) {
        unwrapped.asMap().keySet().removeIf(cacheKey -> cacheKey.startsWith(tenantId + "/"));
    }

    private record StoredKey(int version, String scheme, byte[] wrapped) {
    }

    private void store(UUID tenantId, int version, KeyProvider.WrappedKey wrapped) {
        jdbc.sql("UPDATE tenant_data_key SET provider = :scheme, wrapped_key = :wrapped WHERE tenant_id = :tenant AND version = :version")
                .param("scheme", wrapped.scheme()).param("wrapped", wrapped.wrapped())
                .param("tenant", tenantId).param("version", version).update();
    }

    private SecretKeySpec key(UUID tenantId, int version) {
        return unwrapped.get(tenantId + "/" + version, cacheKey -> {
            StoredKey stored = jdbc.sql("SELECT version, provider, wrapped_key FROM tenant_data_key WHERE tenant_id = :tenant AND version = :version")
                    .param("tenant", tenantId).param("version", version)
                    .query((rs, n) -> new StoredKey(rs.getInt(1), rs.getString(2), rs.getBytes(3))).optional()
                    .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no data key version " + version));
            byte[] plaintext = provider.unwrap(tenantId, stored.scheme(), stored.wrapped());
            if (LEGACY_SCHEME.equals(stored.scheme())) {
                // Wrapped by the platform root key before tenants had master keys: moved under the tenant's own key on first use.
                store(tenantId, version, provider.rewrap(tenantId, stored.scheme(), stored.wrapped()));
            }
            return new SecretKeySpec(plaintext, "AES");
        });
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, byte[] input, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tenant data could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted"
                    + " (tampered, or sealed for another record)"), e);
        }
    }
}
