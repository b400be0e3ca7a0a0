package com.iusign.platform.security;

import java.util.Map;

/**
 * How this instance's access gate is reading: from its near cache (subscribed to invalidations)
 * or straight from PostgreSQL, how many PostgreSQL reads it made, and whether foreign messages
 * reached it. For the Platform view, the Prometheus meters, tests and the benchmark.
 */
public interface GateMetrics {

    /** True while the near cache is in use (the Redis subscription is live). */
    boolean nearCacheLive();

    /** PostgreSQL reads made by the gate: near-cache misses, and every read while the near cache is not live. */
    long databaseReads();

    /**
     * Invalidation messages the platform never sends, seen on the gate's channel since start. Above
     * zero means something other than the platform writes to Redis: alert on it
     * ({@code iusign_gate_foreign_invalidations_total}).
     */
    long foreignInvalidations();

    /** Tenant API requests whose token was verified earlier and served from the verified-token cache (revocation still checked). */
    long verifiedTokenHits();

    /** Full tenant-token verifications (signature, issuer, audience, expiry, claims). */
    long tokenVerifications();

    /** Calls of the tenant rate limiter to the shared bucket (Redis): one per lease or per refill while refused, not one per request. */
    long rateLimitSharedBucketCalls();

    /**
     * The tenant API gate's answers since start by outcome: {@code allowed}, each refusal ({@code invalid-token},
     * {@code tenant-suspended}, {@code rate-limited}, …) and {@code undecided} (answered 503), every outcome present.
     */
    Map<String, Long> decisions();
}
