package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateMetrics;
import org.springframework.stereotype.Component;

/** The gate's counters from the two places that keep them: its near cache and its verified-token cache. */
@Component
class GateCounters implements GateMetrics {

    private final GateCache cache;
    private final VerifiedTokens tokens;

    GateCounters(GateCache cache, VerifiedTokens tokens) {
        this.cache = cache;
        this.tokens = tokens;
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
}
