package com.iusign.platform.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the platform's keys live. Each tenant has its own <em>master key</em> in the provider
 * (AWS KMS: a customer-managed key; local: a random key stored wrapped by the platform root key);
 * the tenant's data keys, which encrypt its documents, are stored only wrapped by it, with the
 * tenant id bound as context so a wrapped key cannot be replayed for another tenant. Destroying
 * the master key makes every data key of the tenant — and so every copy of its documents, in
 * backups too — unreadable (crypto-shredding). {@link TenantKeyRing} is the only caller for
 * tenant keys; the platform's own secrets are wrapped under a platform key of the same provider.
 *
 * <p>A master key is created on the tenant's first use of a data key, not at provisioning: a
 * tenant that never stores a document costs no KMS key. Every operation that cannot reach the
 * provider throws {@link KeyServiceUnavailable} (after the provider's own retries); one the key's
 * state forbids throws {@link TenantKeyUnusable}.
 */
public interface KeyProvider {

    /** {@code local} or {@code aws-kms}; stored with the platform secrets it wraps. */
    String name();

    /** A new data key for the tenant: the plaintext to use now and its wrapped form to store. */
    DataKey generateDataKey(UUID tenantId);

    /**
     * The plaintext of a data key this provider wrapped for the tenant.
     *
     * @param scheme the {@link WrappedKey#scheme()} stored with it
     */
    byte[] unwrap(UUID tenantId, String scheme, byte[] wrapped);

    /** The same data key wrapped under the tenant's current master key material (after a rotation, or from an older scheme). */
    WrappedKey rewrap(UUID tenantId, String scheme, byte[] wrapped);

    /**
     * New key material for the tenant's master key; data keys wrapped under older material keep
     * unwrapping. A tenant without a master key gets its first one (one generation of material).
     */
    TenantMasterKey rotate(UUID tenantId);

    /** The tenant's master key, or empty when the tenant has not used one yet. */
    Optional<TenantMasterKey> describe(UUID tenantId);

    /**
     * Destroys the tenant's master key: the local provider erases its material at once, AWS KMS
     * schedules the deletion after its pending window and disables the key meanwhile. From the
     * return on, no data key of the tenant unwraps. Repeating it is harmless (a resumed purge);
     * empty when the tenant never had a master key.
     */
    Optional<TenantMasterKey> destroy(UUID tenantId);

    /**
     * Wraps one of the platform's own secrets (the token signing key, the audit chain key …),
     * bound to its {@code purpose}: a secret wrapped for one purpose does not unwrap for another.
     */
    byte[] wrapPlatformSecret(String purpose, byte[] secret);

    /** @throws IllegalStateException when the bytes were not wrapped for {@code purpose} by this provider's key */
    byte[] unwrapPlatformSecret(String purpose, byte[] wrapped);

    /** A data key's wrapped form and the scheme that reads it ({@code local-tenant}, {@code aws-kms}, or the legacy {@code local}). */
    record WrappedKey(String scheme, byte[] wrapped) {
    }

    /** A fresh data key: use {@code plaintext}, store {@code wrapped}. */
    record DataKey(byte[] plaintext, WrappedKey wrapped) {
    }
}
