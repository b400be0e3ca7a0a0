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
 * Wraps tenant data keys with one platform master key (AES-256-GCM; the tenant id is the
 * associated data, so a wrapped key cannot be replayed for another tenant). Layout: 12-byte
 * nonce, then ciphertext and tag.
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
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, dataKey, tenantId);
        return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    }

    @Override
    public byte[] unwrap(UUID tenantId, byte[] wrappedKey) {
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(wrappedKey, 12), Arrays.copyOfRange(wrappedKey, 12, wrappedKey.length), tenantId);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, UUID tenantId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("iusign-data-key:" + tenantId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A tenant data key could not be " + (mode == Cipher.ENCRYPT_MODE ? "wrapped"
                    : "unwrapped: the platform master key differs from the one that wrapped it"), e);
        }
    }
}
