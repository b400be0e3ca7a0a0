package com.iusign.platform.security;

import com.iusign.platform.security.internal.GateCacheView;
import org.springframework.stereotype.Service;

/**
 * How this instance's access gate is reading: from its near cache (subscribed to invalidations)
 * or straight from PostgreSQL, and how many Redis and PostgreSQL reads it made. For the Platform
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

    public long redisReads() {
        return cache.readCounts()[0];
    }

    public long databaseReads() {
        return cache.readCounts()[1];
    }
}
