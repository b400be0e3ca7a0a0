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

import com.iusign.platform.security.KeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The platform's token signing keys (ES256), shared by every app instance through PostgreSQL.
 * The first instance to need one generates it under an advisory lock, so two instances starting
 * together agree on one key. {@link #rotate()} adds a new signing key; the older ones keep
 * verifying (the JWK set publishes every unretired key) until their tokens have expired.
 *
 * <p>The table holds each key's public JWK in clear and its private JWK only wrapped by the
 * {@link KeyProvider} (bound to the key id), so the database alone — a leaked backup, an
 * injection, the runtime role — never yields a key that signs. Keys stored in clear by
 * earlier versions were retired by the migration that introduced wrapping.
 */
@Component
class PlatformSigningKeys {

    private static final long LOCK_KEY = 0x1051_6000_0001L;
    private static final Logger log = LoggerFactory.getLogger(PlatformSigningKeys.class);

    private static final String PURPOSE = "token-signing-key:";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyProvider provider;
    private static final long RELOAD_AFTER_MILLIS = 60_000;
    private static final long MIN_RELOAD_INTERVAL_MILLIS = 5_000;

    private volatile List<ECKey> keys = List.of();
    private volatile long loadedAt;

    PlatformSigningKeys(JdbcClient jdbc, TransactionTemplate transactions, KeyProvider provider) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.provider = provider;
    }

    /** The key that signs new tokens: the newest wrapped one, re-read every minute so that a rotation elsewhere reaches this instance. */
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
            return insertNewKey();
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

    /**
     * The unretired keys, newest (the signer) first. Each is trusted only because its private half
     * unwraps under the key provider for its own key id; the public half comes from it, never from
     * the clear column, so a row someone inserted into the table verifies nothing.
     */
    private List<ECKey> loadOrGenerate() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
        List<ECKey> stored = new ArrayList<>();
        jdbc.sql("""
                SELECT kid, private_key_wrapped FROM platform_signing_key
                 WHERE retired_at IS NULL AND private_key_wrapped IS NOT NULL ORDER BY created_at DESC""")
                .query(row -> {
                    String kid = row.getString("kid");
                    try {
                        ECKey key = parse(new String(provider.unwrapPlatformSecret(PURPOSE + kid, row.getBytes("private_key_wrapped")),
                                StandardCharsets.UTF_8));
                        if (key.isPrivate() && kid.equals(key.getKeyID())) {
                            stored.add(key);
                            return;
                        }
                    } catch (RuntimeException e) {
                        // fall through: an entry that does not authenticate is ignored, never trusted
                    }
                    log.error("Signing key {} in platform_signing_key does not unwrap under this platform's key provider;"
                            + " ignored (was the table written by someone else?)", kid);
                });
        if (stored.isEmpty()) {
            stored.add(insertNewKey());
        }
        return stored;
    }

    private ECKey insertNewKey() {
        ECKey key = generate();
        jdbc.sql("""
                INSERT INTO platform_signing_key (kid, algorithm, public_jwk, private_key_wrapped, provider, created_at)
                VALUES (:kid, 'ES256', :publicJwk, :wrapped, :provider, clock_timestamp())""")
                .param("kid", key.getKeyID()).param("publicJwk", key.toPublicJWK().toJSONString())
                .param("wrapped", provider.wrapPlatformSecret(PURPOSE + key.getKeyID(), key.toJSONString().getBytes(StandardCharsets.UTF_8)))
                .param("provider", provider.name())
                .update();
        // A key whose successor has signed for longer than any token lives verifies nothing any more.
        jdbc.sql("""
                UPDATE platform_signing_key old SET retired_at = now()
                 WHERE old.retired_at IS NULL
                   AND (SELECT min(newer.created_at) FROM platform_signing_key newer WHERE newer.created_at > old.created_at)
                       < now() - make_interval(secs => :maxTokenSeconds)""")
                .param("maxTokenSeconds", com.iusign.platform.security.TenantTokens.MAX_TTL.toSeconds()).update();
        return key;
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
