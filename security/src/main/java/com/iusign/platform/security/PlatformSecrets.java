package com.iusign.platform.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keyed functions under the platform's own secrets, which never leave this class: each purpose
 * has a random 256-bit key, created once (under an advisory lock, so instances agree) and stored
 * only wrapped by the {@link KeyProvider}. Whoever reads or writes the database — an injection,
 * a backup, the runtime role itself — cannot compute them.
 */
@Service
public class PlatformSecrets {

    private static final long LOCK_KEY = 0x1051_6000_0005L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyProvider provider;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    PlatformSecrets(JdbcClient jdbc, TransactionTemplate transactions, KeyProvider provider) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.provider = provider;
    }

    /** HMAC-SHA-256 of {@code message} under the secret of {@code purpose}. */
    public byte[] hmacSha256(String purpose, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.computeIfAbsent(purpose, this::loadOrCreate));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    private SecretKeySpec loadOrCreate(String purpose) {
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
        return new SecretKeySpec(secret, "HmacSHA256");
    }
}
