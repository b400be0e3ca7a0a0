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
import java.util.Optional;
import java.util.UUID;

/**
 * Per-tenant data keys: each tenant gets its own random AES-256 key, stored only wrapped by the
 * {@link KeyProvider}; {@link #seal} and {@link #open} encrypt with AES-GCM under it, binding the
 * caller's associated data (e.g. the document id) so a ciphertext cannot be moved to another
 * record or tenant. Unwrapped keys are kept in memory for minutes, never written anywhere.
 * Runs inside the tenant's {@link TenantScope}: the wrapped keys are row-level secured too.
 */
@Component
public class TenantKeyRing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final TenantScope scope;
    private final KeyProvider provider;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, SecretKeySpec> unwrapped = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(10)).build();

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
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        // Two first uses at once: one insert wins, both then use the winner's key.
        jdbc.sql("""
                INSERT INTO tenant_data_key (tenant_id, version, provider, wrapped_key) VALUES (:tenant, 1, :provider, :wrapped)
                ON CONFLICT (tenant_id, version) DO NOTHING""")
                .param("tenant", tenantId).param("provider", provider.name()).param("wrapped", provider.wrap(tenantId, dataKey)).update();
        return 1;
    }

    private SecretKeySpec key(UUID tenantId, int version) {
        return unwrapped.get(tenantId + "/" + version, cacheKey -> {
            byte[] wrapped = jdbc.sql("SELECT wrapped_key FROM tenant_data_key WHERE tenant_id = :tenant AND version = :version")
                    .param("tenant", tenantId).param("version", version).query(byte[].class).optional()
                    .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no data key version " + version));
            return new SecretKeySpec(provider.unwrap(tenantId, wrapped), "AES");
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
