package com.iusign.platform.security.internal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM envelopes for key wrapping: a random 96-bit nonce, then ciphertext and tag; the
 * context string is authenticated, not stored, so an envelope moved to another tenant, generation
 * or purpose does not open.
 */
final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    AesGcm(byte[] key, String whose) {
        if (key.length != 32) {
            throw new IllegalArgumentException(whose + " must be 32 bytes (AES-256)");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    byte[] seal(byte[] plaintext, String context, String what) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, context, what);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** @throws IllegalStateException when the envelope was altered or sealed under another key or context */
    byte[] open(byte[] envelope, String context, String what) {
        if (envelope.length < NONCE_BYTES + 16) {
            throw new IllegalStateException(what + " is too short to be a wrapped key");
        }
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(envelope, NONCE_BYTES),
                Arrays.copyOfRange(envelope, NONCE_BYTES, envelope.length), context, what);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String context, String what) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(what + " could not be unwrapped: it was altered, belongs to another tenant or"
                    + " purpose, or the key that wrapped it differs from this one", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}
