package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateMetrics;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The gate's counters from the places that keep them: its near cache, its verified-token cache, the rate limiter and its answers. */
@Component
class GateCounters implements GateMetrics {

    private final GateCache cache;
    private final VerifiedTokens tokens;
    private final TenantRateLimiter limiter;
    private final GateDecisions decisions;

    GateCounters(GateCache cache, VerifiedTokens tokens, TenantRateLimiter limiter, GateDecisions decisions) {
        this.cache = cache;
        this.tokens = tokens;
        this.limiter = limiter;
        this.decisions = decisions;
    }

    @Override
    public boolean nearCacheLive() {
        return cache.nearCacheLive();
    }

    @Override
    public long databaseReads() {
        return cache.databaseReads();
    }

    @Override
    public long foreignInvalidations() {
        return cache.foreignInvalidations();
    }

    @Override
    public long verifiedTokenHits() {
        return tokens.hits();
    }

    @Override
    public long tokenVerifications() {
        return tokens.verifications();
    }

    @Override
    public long rateLimitSharedBucketCalls() {
        return limiter.sharedBucketCalls();
    }

    @Override
    public Map<String, Long> decisions() {
        return decisions.counts();
    }
}
