package com.iusign.platform.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The platform's token signing keys (ES256), shared by every app instance through PostgreSQL.
 * The first instance to need one generates it under an advisory lock, so two instances starting
 * together agree on one key. {@link #rotate()} adds a new signing key; the older ones keep
 * verifying (the JWK set publishes every unretired key) until their tokens have expired.
 *
 * <p>The private key is stored as a JWK in the {@code platform_signing_key} table, readable only
 * by the platform's roles; wrapping it with the platform master key comes with the key ring.
 */
@Component
class PlatformSigningKeys {

    private static final long LOCK_KEY = 0x1051_6000_0001L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private static final long RELOAD_AFTER_MILLIS = 60_000;
    private static final long MIN_RELOAD_INTERVAL_MILLIS = 5_000;

    private volatile List<ECKey> keys = List.of();
    private volatile long loadedAt;

    PlatformSigningKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The key that signs new tokens: the newest, re-read every minute so that a rotation elsewhere reaches this instance. */
    ECKey signingKey() {
        if (System.currentTimeMillis() - loadedAt > RELOAD_AFTER_MILLIS) {
            reload();
        }
        return loaded().getFirst();
    }

    /** Public halves of every key that may still verify a token. */
    JWKSet publicKeys() {
        return new JWKSet(loaded().stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList());
    }

    /**
     * Keys matching a verifier's selector; a token signed with a key this instance has not seen yet
     * (rotated on another instance) triggers one re-read, at most every few seconds so that forged
     * key ids cannot hammer the database.
     */
    List<com.nimbusds.jose.jwk.JWK> verificationKeys(com.nimbusds.jose.jwk.JWKSelector selector) {
        List<com.nimbusds.jose.jwk.JWK> found = selector.select(publicKeys());
        if (found.isEmpty() && System.currentTimeMillis() - loadedAt > MIN_RELOAD_INTERVAL_MILLIS) {
            reload();
            found = selector.select(publicKeys());
        }
        return found;
    }

    /** Generates a new signing key; tokens signed with the older keys keep verifying until those keys are retired. */
    String rotate() {
        ECKey generated = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            ECKey key = generate();
            jdbc.sql("INSERT INTO platform_signing_key (kid, algorithm, jwk, created_at) VALUES (:kid, 'ES256', :jwk, clock_timestamp())")
                    .param("kid", key.getKeyID()).param("jwk", key.toJSONString()).update();
            // A key whose successor has signed for longer than any token lives verifies nothing any more.
            jdbc.sql("""
                    UPDATE platform_signing_key old SET retired_at = now()
                     WHERE old.retired_at IS NULL
                       AND (SELECT min(newer.created_at) FROM platform_signing_key newer WHERE newer.created_at > old.created_at)
                           < now() - make_interval(secs => :maxTokenSeconds)""")
                    .param("maxTokenSeconds", com.iusign.platform.security.TenantTokens.MAX_TTL.toSeconds()).update();
            return key;
        });
        reload();
        return generated.getKeyID();
    }

    private synchronized void reload() {
        keys = transactions.execute(status -> loadOrGenerate());
        loadedAt = System.currentTimeMillis();
    }

    private List<ECKey> loaded() {
        List<ECKey> current = keys;
        if (current.isEmpty()) {
            synchronized (this) {
                current = keys;
                if (current.isEmpty()) {
                    current = transactions.execute(status -> loadOrGenerate());
                    keys = current;
                    loadedAt = System.currentTimeMillis();
                }
            }
        }
        return current;
    }

    private List<ECKey> loadOrGenerate() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
        List<ECKey> stored = jdbc.sql("SELECT jwk FROM platform_signing_key WHERE retired_at IS NULL ORDER BY created_at DESC")
                .query(String.class).list().stream().map(PlatformSigningKeys::parse).toList();
        if (!stored.isEmpty()) {
            return stored;
        }
        ECKey generated = generate();
        jdbc.sql("INSERT INTO platform_signing_key (kid, algorithm, jwk, created_at) VALUES (:kid, 'ES256', :jwk, now())")
                .param("kid", generated.getKeyID())
                .param("jwk", generated.toJSONString())
                .update();
        return List.of(generated);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .issueTime(new Date())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate the platform's token signing key", e);
        }
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored platform signing key is not a valid EC JWK", e);
        }
    }
}
