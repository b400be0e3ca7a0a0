package com.iusign.platform.security.internal;

import com.iusign.platform.security.KeyProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

/**
 * Wraps tenant data keys and the platform's own secrets with one platform master key
 * (AES-256-GCM; the tenant id or the secret's purpose is the associated data, so a wrapped key
 * cannot be replayed for another tenant or use). Layout: 12-byte nonce, then ciphertext and tag.
 */
final class LocalKeyProvider implements KeyProvider {

    private final SecretKeySpec master;
    private final SecureRandom random = new SecureRandom();

    LocalKeyProvider(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The platform master key must be 32 bytes (AES-256)");
        }
        this.master = new SecretKeySpec(masterKey, "AES");
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public byte[] wrap(UUID tenantId, byte[] dataKey) {
        return wrap("iusign-data-key:" + tenantId, "A tenant data key", dataKey);
    }

    @Override
    public byte[] unwrap(UUID tenantId, byte[] wrappedKey) {
        return unwrap("iusign-data-key:" + tenantId, "A tenant data key", wrappedKey);
    }

    @Override
    public byte[] wrapPlatformSecret(String purpose, byte[] secret) {
        return wrap("iusign-platform-secret:" + purpose, "The platform secret '" + purpose + "'", secret);
    }

    @Override
    public byte[] unwrapPlatformSecret(String purpose, byte[] wrapped) {
        return unwrap("iusign-platform-secret:" + purpose, "The platform secret '" + purpose + "'", wrapped);
    }

    private byte[] wrap(String associatedData, String what, byte[] plaintext) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, associatedData, what);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    private byte[] unwrap(String associatedData, String what, byte[] wrapped) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(wrapped, 12), Arrays.copyOfRange(wrapped, 12, wrapped.length), associatedData, what);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String associatedData, String what) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " could not be " + (mode == Cipher.ENCRYPT_MODE ? "wrapped"
                    : "unwrapped: the platform master key differs from the one that wrapped it"), e);
        }
    }
}
