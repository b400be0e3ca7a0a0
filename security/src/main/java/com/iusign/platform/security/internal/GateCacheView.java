package com.iusign.platform.security.internal;

import org.springframework.stereotype.Component;

/** Read-only view of the gate cache's state for {@link com.iusign.platform.security.GateMetrics}. */
@Component
public class GateCacheView {

    private final GateCache cache;

    GateCacheView(GateCache cache) {
        this.cache = cache;
    }

    public boolean live() {
        return cache.isLive();
    }

    public long storeReads() {
        return cache.storeReads();
    }

    public long malformedMessages() {
        return cache.malformedMessages();
    }
}
