package com.iusign.platform.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed functions (HMAC, authenticated encryption) under the platform's own secrets, which never leave this class: each purpose
 * has a random 256-bit key, created once (under an advisory lock, so instances agree) and stored
 * only wrapped by the {@link KeyProvider}. Whoever reads or writes the database — an injection,
 * a backup, the runtime role itself — cannot compute them. One purpose, one use: a purpose's
 * secret serves either HMAC or AES-GCM, never both (callers name them {@code …-hmac}, {@code …-aes}).
 */
@Service
public class PlatformSecrets {

    private static final long LOCK_KEY = 0x1051_6000_0005L;
    private static final int NONCE_BYTES = 12;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyProvider provider;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    PlatformSecrets(JdbcClient jdbc, TransactionTemplate transactions, KeyProvider provider) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.provider = provider;
    }

    /** HMAC-SHA-256 of {@code message} under the secret of {@code purpose}. */
    public byte[] hmacSha256(String purpose, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(purpose), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    /**
     * AES-256-GCM under the secret of {@code purpose}: a random 96-bit nonce, then the ciphertext
     * and tag. {@code context} is authenticated, not stored: a sealed value moved to another row
     * (another context) no longer opens.
     */
    public byte[] seal(String purpose, byte[] plaintext, byte[] context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, purpose, nonce, context, plaintext, 0, plaintext.length);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    /**
     * Opens what {@link #seal} sealed with the same purpose and context.
     *
     * @throws IllegalStateException when the value was altered, or sealed under another purpose or context
     */
    public byte[] open(String purpose, byte[] sealed, byte[] context) {
        if (sealed.length < NONCE_BYTES + 16) {
            throw new IllegalStateException("Not a sealed value of " + purpose);
        }
        return crypt(Cipher.DECRYPT_MODE, purpose, Arrays.copyOf(sealed, NONCE_BYTES), context, sealed, NONCE_BYTES,
                sealed.length - NONCE_BYTES);
    }

    private byte[] crypt(int mode, String purpose, byte[] nonce, byte[] context, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(secret(purpose), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A value sealed for " + purpose + " was altered or belongs elsewhere", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private byte[] secret(String purpose) {
        return keys.computeIfAbsent(purpose, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String purpose) {
        byte[] secret = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            return jdbc.sql("SELECT wrapped FROM platform_secret WHERE purpose = :purpose").param("purpose", purpose)
                    .query(byte[].class).optional()
                    .map(wrapped -> provider.unwrapPlatformSecret(purpose, wrapped))
                    .orElseGet(() -> {
                        byte[] created = new byte[32];
                        random.nextBytes(created);
                        jdbc.sql("INSERT INTO platform_secret (purpose, provider, wrapped) VALUES (:purpose, :provider, :wrapped)")
                                .param("purpose", purpose).param("provider", provider.name())
                                .param("wrapped", provider.wrapPlatformSecret(purpose, created)).update();
                        return created;
                    });
        });
        return secret;
    }
}
