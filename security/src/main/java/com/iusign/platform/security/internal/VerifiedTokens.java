package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tenant tokens whose signature and claims this instance has already verified, so that the ES256
 * check runs once per token instead of once per request. Only the verification is remembered, never
 * a decision: the gate's revocation checks (tenant status, not-befores, deny list) and the rate
 * limit run on every request, cached token or not.
 *
 * <p>What makes it safe: the key is the whole token (an altered or forged token is another key and
 * gets the full check); an entry never outlives the token's {@code exp} (it expires then, and a hit
 * checks {@code exp} again against the clock); the cache is bounded by weight ({@value #MAX_BYTES}
 * bytes at an estimated {@value #BYTES_PER_CHAR} bytes per token character: ~10,000 tokens of 800
 * characters), the least recently used going first. It is a bean of its own type, not a
 * {@code JwtDecoder}, so that the admin API's decoder stays the only one Spring sees.
 */
final class VerifiedTokens {

    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** An estimate per token character of the string (two bytes a character) and its parsed headers and claims. */
    static final int BYTES_PER_CHAR = 8;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;
    private final LongAdder hits = new LongAdder();
    private final LongAdder verifications = new LongAdder();

    VerifiedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumWeight(MAX_BYTES)
                .weigher((String token, Jwt jwt) -> token.length() * BYTES_PER_CHAR)
                .expireAfter(new UntilTokenExpiry())
                .build();
    }

    Jwt decode(String token) throws JwtException {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && clock.instant().isBefore(cached.getExpiresAt())) {
            hits.increment();
            return cached;
        }
        verifications.increment();
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Requests served without a signature check. */
    long hits() {
        return hits.sum();
    }

    /** Full checks (signature, issuer, audience, expiry, claims): cache misses and tokens seen for the first time. */
    long verifications() {
        return verifications.sum();
    }

    long weight() {
        verified.cleanUp();
        return verified.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** An entry lives exactly as long as its token is valid, whatever happens to it meanwhile. */
    private final class UntilTokenExpiry implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            return expiresAt == null ? 0 : Math.max(0, Duration.between(clock.instant(), expiresAt).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
