package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Token buckets shared by every instance: each key's bucket lives in Redis and is updated by one
 * Lua script on Redis's own clock. When Redis cannot answer, this instance falls back to a local
 * bucket with the same numbers for a second before trying Redis again: a limit degrades to per
 * instance, it never disappears and never blocks a request on Redis's timeout twice in a row.
 * A bucket only ever says "slow down"; nothing it holds grants access.
 */
@Component
public class TokenBuckets {

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    private static final long REDIS_RETRY_MILLIS = 1_000;
    private static final RedisScript<List> BUCKET = RedisScript.of("""
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local wanted = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
            local granted = math.min(wanted, math.floor(tokens))
            local wait = 0
            if granted >= 1 then
              tokens = tokens - granted
            else
              granted = 0
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
            return {granted, math.floor(tokens), wait}
            """, List.class);

    /** The outcome: {@code remaining} whole tokens left, {@code retryAfterMillis} until one is back when refused; {@code local} when Redis was not used. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterMillis, boolean local) {
    }

    /** Up to the tokens asked for: {@code granted} 0 means refused, with {@code retryAfterMillis} until one is back. */
    record Grant(int granted, int remaining, long retryAfterMillis, boolean local) {
    }

    private final StringRedisTemplate redis;
    private final Cache<String, LocalBucket> localBuckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private volatile long redisRetryAt;

    TokenBuckets(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Takes one token from {@code key}'s bucket of {@code perSecond} refill and {@code burst} capacity. */
    Decision take(String key, int perSecond, int burst) {
        Grant grant = takeUpTo(key, perSecond, burst, 1);
        return new Decision(grant.granted() == 1, perSecond, grant.remaining(), grant.retryAfterMillis(), grant.local());
    }

    /** Takes as many of {@code wanted} tokens as the bucket holds (all or some; none when it is empty). */
    Grant takeUpTo(String key, int perSecond, int burst, int wanted) {
        if (System.currentTimeMillis() >= redisRetryAt) {
            try {
                List<?> reply = redis.execute(BUCKET, List.of(key), Integer.toString(perSecond), Integer.toString(burst),
                        Integer.toString(wanted));
                return new Grant(((Number) reply.get(0)).intValue(), ((Number) reply.get(1)).intValue(), ((Number) reply.get(2)).longValue(),
                        false);
            } catch (RuntimeException e) {
                redisRetryAt = System.currentTimeMillis() + REDIS_RETRY_MILLIS;
                log.warn("Rate limits cannot reach Redis ({}); limiting per instance for the next second", e.getMessage());
            }
        }
        return localBuckets.get(key + "|" + perSecond + "|" + burst, k -> new LocalBucket(perSecond, burst)).take(wanted);
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

        synchronized Grant take(int wanted) {
            long now = System.currentTimeMillis();
            tokens = Math.min(burst, tokens + Math.max(0, now - at) * perMilli);
            at = now;
            int granted = (int) Math.min(wanted, Math.floor(tokens));
            if (granted >= 1) {
                tokens -= granted;
                return new Grant(granted, (int) tokens, 0, true);
            }
            return new Grant(0, 0, (long) Math.ceil((1 - tokens) / perMilli), true);
        }
    }
}
