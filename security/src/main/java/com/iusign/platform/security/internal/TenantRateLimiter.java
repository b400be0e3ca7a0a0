package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-tenant request rate of the tenant API: a token bucket per tenant (the plan's requests
 * per second, refilled continuously, up to its burst), shared by all instances through
 * {@link TokenBuckets}. Authorization is decided before this (the gate); the limiter only ever
 * says "slow down".
 *
 * <p>An instance does not ask Redis for every request: it takes a <em>lease</em> of
 * {@link #leaseSize} tokens from the shared bucket and spends it locally for at most
 * {@value #LEASE_MILLIS} ms (unspent tokens are dropped, never returned). A refusal is remembered
 * until the bucket's next token is due, so a flood costs Redis one call per refill, not one per
 * request. Leased tokens are taken from the shared bucket when leased, so N instances together
 * never spend more than the bucket gives; they may spend it later than the bucket gave it: in any
 * window, at most {@code burst + rate × window + N × leaseSize} requests pass (the leases taken
 * just before the window), and at most {@code N × leaseSize} tokens lie unspent (a stricter limit).
 * Small plans lease one token at a time, so they stay exact.
 */
@Component
public class TenantRateLimiter {

    static final long LEASE_MILLIS = 1_000;

    private record Limits(int perSecond, int burst) {
    }

    private final TokenBuckets buckets;
    private final TenantLifecycle lifecycle;
    /**
     * A plan change reaches the limiter within 30 s (refresh); a refresh that fails (PostgreSQL
     * busy or gone) keeps the known limits instead of failing the request.
     */
    private final LoadingCache<UUID, Limits> limits;
    private final Cache<UUID, Lease> leases = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();
    private final LongAdder sharedBucketCalls = new LongAdder();

    TenantRateLimiter(TokenBuckets buckets, TenantLifecycle lifecycle) {
        this.buckets = buckets;
        this.lifecycle = lifecycle;
        this.limits = Caffeine.newBuilder().maximumSize(100_000).refreshAfterWrite(Duration.ofSeconds(30))
                .expireAfterWrite(Duration.ofMinutes(10)).build(this::limitsOf);
    }

    public TokenBuckets.Decision acquire(UUID tenantId) {
        Limits limit = limits.get(tenantId);
        Lease lease = leases.get(tenantId, id -> new Lease());
        synchronized (lease) {
            long now = System.nanoTime();
            if (lease.left > 0 && now < lease.expiresAt) {
                lease.left--;
                return new TokenBuckets.Decision(true, limit.perSecond(), lease.left + lease.sharedRemaining, 0, lease.local);
            }
            if (now < lease.refusedUntil) {
                return new TokenBuckets.Decision(false, limit.perSecond(), 0, Math.max(1, (lease.refusedUntil - now) / 1_000_000), lease.local);
            }
            sharedBucketCalls.increment();
            TokenBuckets.Grant grant = buckets.takeUpTo("iusign:rate:" + tenantId, limit.perSecond(), limit.burst(), leaseSize(limit));
            lease.local = grant.local();
            if (grant.granted() == 0) {
                lease.left = 0;
                lease.refusedUntil = now + grant.retryAfterMillis() * 1_000_000;
                return new TokenBuckets.Decision(false, limit.perSecond(), 0, grant.retryAfterMillis(), grant.local());
            }
            lease.left = grant.granted() - 1;
            lease.sharedRemaining = grant.remaining();
            lease.expiresAt = now + LEASE_MILLIS * 1_000_000;
            return new TokenBuckets.Decision(true, limit.perSecond(), lease.left + grant.remaining(), 0, grant.local());
        }
    }

    /** Calls to the shared bucket (Redis, or the local fallback while Redis is away) since start. */
    long sharedBucketCalls() {
        return sharedBucketCalls.sum();
    }

    /** A fifth of a second's budget and a tenth of the burst, whichever is smaller; at least one token. */
    static int leaseSize(int perSecond, int burst) {
        return Math.max(1, Math.min(perSecond / 5, burst / 10));
    }

    private static int leaseSize(Limits limit) {
        return leaseSize(limit.perSecond(), limit.burst());
    }

    private Limits limitsOf(UUID tenantId) {
        Plan plan = lifecycle.planOf(lifecycle.get(new TenantId(tenantId)));
        return new Limits(plan.apiRequestsPerSecond(), plan.apiBurst());
    }

    /** This instance's unspent part of the tenant's shared budget; guarded by its own monitor. */
    private static final class Lease {
        int left;
        int sharedRemaining;
        long expiresAt;
        long refusedUntil;
        boolean local;
    }
}
