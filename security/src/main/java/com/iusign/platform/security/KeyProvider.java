package com.iusign.platform.security;

import java.util.UUID;

/**
 * Wraps and unwraps tenant data keys with a master key the platform never stores next to them.
 * The local provider uses one platform master key; a KMS provider (a master key per tenant) is a
 * drop-in replacement: {@link TenantKeyRing}'s callers do not change. {@link #name()} is stored
 * with every wrapped key so that keys wrapped by an earlier provider stay readable.
 */
public interface KeyProvider {

    String name();

    byte[] wrap(UUID tenantId, byte[] dataKey);

    byte[] unwrap(UUID tenantId, byte[] wrappedKey);

    /**
     * Wraps one of the platform's own secrets (the token signing key, the audit chain key …),
     * bound to its {@code purpose}: a secret wrapped for one purpose does not unwrap for another.
     */
    byte[] wrapPlatformSecret(String purpose, byte[] secret);

    /** @throws IllegalStateException when the bytes were not wrapped for {@code purpose} by this provider's key */
    byte[] unwrapPlatformSecret(String purpose, byte[] wrapped);
}
