package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The per-tenant request rate of the tenant API: a token bucket per tenant (the plan's
 * requests per second, refilled continuously, up to its burst). The bucket lives in Redis and is
 * updated by one Lua script on Redis's own clock, so all instances share one limit. When Redis
 * cannot answer, each instance falls back to a local bucket with the same numbers for a second
 * before trying Redis again: the limit degrades to per instance, it never disappears and never
 * blocks a request on Redis's timeout twice in a row. Authorization is decided before this (the
 * gate); the limiter only ever says "slow down".
 */
@Component
public class TenantRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(TenantRateLimiter.class);
    private static final long REDIS_RETRY_MILLIS = 1_000;
    private static final RedisScript<List> BUCKET = RedisScript.of("""
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            return {allowed, math.floor(tokens), wait}
            """, List.class);

    /** The outcome, with what the {@code RateLimit-*} and {@code Retry-After} headers report; {@code local} when Redis was not used. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterMillis, boolean local) {
    }

    private record Limits(int perSecond, int burst) {
    }

    private final StringRedisTemplate redis;
    private final TenantLifecycle lifecycle;
    private final Cache<UUID, Limits> limits = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofSeconds(30)).build();
    private final Cache<UUID, LocalBucket> localBuckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private volatile long redisRetryAt;

    TenantRateLimiter(StringRedisTemplate redis, TenantLifecycle lifecycle) {
        this.redis = redis;
        this.lifecycle = lifecycle;
    }

    public Decision acquire(UUID tenantId) {
        Limits limit = limits.get(tenantId, this::limitsOf);
        if (System.currentTimeMillis() >= redisRetryAt) {
            try {
                List<?> reply = redis.execute(BUCKET, List.of("iusign:rate:" + tenantId), Integer.toString(limit.perSecond()),
                        Integer.toString(limit.burst()));
                return new Decision(((Number) reply.get(0)).intValue() == 1, limit.perSecond(), ((Number) reply.get(1)).intValue(),
                        ((Number) reply.get(2)).longValue(), false);
            } catch (RuntimeException e) {
                redisRetryAt = System.currentTimeMillis() + REDIS_RETRY_MILLIS;
                log.warn("Rate limiter cannot reach Redis ({}); limiting per instance for the next second", e.getMessage());
            }
        }
        return localBuckets.get(tenantId, id -> new LocalBucket(limit.perSecond(), limit.burst())).take(limit.perSecond());
    }

    private Limits limitsOf(UUID tenantId) {
        String code = lifecycle.get(new TenantId(tenantId)).plan();
        Plan plan = lifecycle.plans().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " is on unknown plan " + code));
        return new Limits(plan.apiRequestsPerSecond(), plan.apiBurst());
    }

    /** The same bucket as the script, in this JVM. */
    static final class LocalBucket {

        private final double perMilli;
        private final int burst;
        private double tokens;
        private long at = System.currentTimeMillis();

        LocalBucket(int perSecond, int burst) {
            this.perMilli = perSecond / 1000.0;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized Decision take(int perSecond) {
            long now = System.currentTimeMillis();
            tokens = Math.min(burst, tokens + Math.max(0, now - at) * perMilli);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, perSecond, (int) tokens, 0, true);
            }
            return new Decision(false, perSecond, 0, (long) Math.ceil((1 - tokens) / perMilli), true);
        }
    }
}
