package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/**
 * The per-tenant request rate of the tenant API: a token bucket per tenant (the plan's
 * requests per second, refilled continuously, up to its burst), shared by all instances through
 * {@link TokenBuckets}. Authorization is decided before this (the gate); the limiter only ever
 * says "slow down".
 */
@Component
public class TenantRateLimiter {

    private record Limits(int perSecond, int burst) {
    }

    private final TokenBuckets buckets;
    private final TenantLifecycle lifecycle;
    /**
     * A plan change reaches the limiter within 30 s (refresh); a refresh that fails (PostgreSQL
     * busy or gone) keeps the known limits instead of failing the request.
     */
    private final LoadingCache<UUID, Limits> limits;

    TenantRateLimiter(TokenBuckets buckets, TenantLifecycle lifecycle) {
        this.buckets = buckets;
        this.lifecycle = lifecycle;
        this.limits = Caffeine.newBuilder().maximumSize(100_000).refreshAfterWrite(Duration.ofSeconds(30))
                .expireAfterWrite(Duration.ofMinutes(10)).build(this::limitsOf);
    }

    public TokenBuckets.Decision acquire(UUID tenantId) {
        Limits limit = limits.get(tenantId);
        return buckets.take("iusign:rate:" + tenantId, limit.perSecond(), limit.burst());
    }

    private Limits limitsOf(UUID tenantId) {
        Plan plan = lifecycle.planOf(lifecycle.get(new TenantId(tenantId)));
        return new Limits(plan.apiRequestsPerSecond(), plan.apiBurst());
    }
}
