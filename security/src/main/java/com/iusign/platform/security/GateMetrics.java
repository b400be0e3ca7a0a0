package com.iusign.platform.security;

import com.iusign.platform.security.internal.GateCacheView;
import org.springframework.stereotype.Service;

/**
 * How this instance's access gate is reading: from its near cache (subscribed to invalidations)
 * or straight from PostgreSQL, how many PostgreSQL reads it made, and whether foreign messages reached it. For the Platform
 * view, the health endpoint, tests and the benchmark.
 */
@Service
public class GateMetrics {

    private final GateCacheView cache;

    GateMetrics(GateCacheView cache) {
        this.cache = cache;
    }

    /** True while the near cache is in use (the Redis subscription is live). */
    public boolean nearCacheLive() {
        return cache.live();
    }

    /** PostgreSQL reads made by the gate: near-cache misses, and every read while the near cache is not live. */
    public long databaseReads() {
        return cache.storeReads();
    }

    /**
     * Invalidation messages the platform never sends, seen on the gate's channel since start. Above
     * zero means something other than the platform writes to Redis: alert on it
     * ({@code iusign_gate_foreign_invalidations_total}).
     */
    public long foreignInvalidations() {
        return cache.malformedMessages();
    }
}
