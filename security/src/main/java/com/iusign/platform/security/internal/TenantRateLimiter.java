package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.TenantId;
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
    private final Cache<UUID, Limits> limits = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    TenantRateLimiter(TokenBuckets buckets, TenantLifecycle lifecycle) {
        this.buckets = buckets;
        this.lifecycle = lifecycle;
    }

    public TokenBuckets.Decision acquire(UUID tenantId) {
        Limits limit = limits.get(tenantId, this::limitsOf);
        return buckets.take("iusign:rate:" + tenantId, limit.perSecond(), limit.burst());
    }

    private Limits limitsOf(UUID tenantId) {
        String code = lifecycle.get(new TenantId(tenantId)).plan();
        Plan plan = lifecycle.plans().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " is on unknown plan " + code));
        return new Limits(plan.apiRequestsPerSecond(), plan.apiBurst());
    }
}
