package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the access gate reads, fastest first: this instance's near cache, Redis, PostgreSQL.
 *
 * <p>The near cache is used only while this instance's pub/sub subscription to
 * {@value #CHANNEL} is live, because only then does it hear every invalidation. When the
 * subscription drops (Redis stopped, network cut, a PING unanswered) the near cache is dropped and
 * the gate reads PostgreSQL directly; when it is back the cache starts empty, since messages were
 * missed. A load that raced an invalidation is not cached (a generation counter tells).
 * Writers update Redis with the fresh value before they publish; readers only add missing keys,
 * so a slow reader can never overwrite a fresh value with a stale one.
 */
@Component
class GateCache implements SmartLifecycle {

    static final String CHANNEL = "iusign:gate:invalidate";
    private static final String TENANT_KEY = "iusign:gate:tenant:";
    private static final String USER_KEY = "iusign:gate:user:";
    private static final Duration REDIS_TTL = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(GateCache.class);

    private final GateStore store;
    private final StringRedisTemplate redis;
    private final DataRedisConnectionDetails redisDetails;
    private final Cache<UUID, GateStore.TenantState> tenants = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Cache<UUID, Long> users = Caffeine.newBuilder().maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Map<String, Long> denied = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong redisReads = new AtomicLong();
    private final AtomicLong storeReads = new AtomicLong();
    private volatile boolean live;
    private volatile boolean running;
    private @Nullable RedisClient client;
    private @Nullable StatefulRedisPubSubConnection<String, String> subscription;
    private @Nullable ScheduledExecutorService watchdog;

    GateCache(GateStore store, StringRedisTemplate redis, DataRedisConnectionDetails redisDetails) {
        this.store = store;
        this.redis = redis;
        this.redisDetails = redisDetails;
    }

    Optional<GateStore.TenantState> tenant(UUID tenantId) {
        if (live) {
            GateStore.TenantState cached = tenants.getIfPresent(tenantId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long loadGeneration = generation.get();
        Optional<GateStore.TenantState> state = Optional.ofNullable(live ? redisGet(TENANT_KEY + tenantId) : null)
                .map(GateStore.TenantState::decode)
                .or(() -> {
                    storeReads.incrementAndGet();
                    Optional<GateStore.TenantState> fromStore = store.tenant(tenantId);
                    fromStore.ifPresent(value -> redisSetIfAbsent(TENANT_KEY + tenantId, value.encode()));
                    return fromStore;
                });
        if (live && generation.get() == loadGeneration) {
            state.ifPresent(value -> tenants.put(tenantId, value));
        }
        return state;
    }

    long userNotBefore(UUID userId) {
        if (live) {
            Long cached = users.getIfPresent(userId);
            if (cached != null) {
                return cached;
            }
        }
        long loadGeneration = generation.get();
        String fromRedis = live ? redisGet(USER_KEY + userId) : null;
        long notBefore;
        if (fromRedis != null) {
            notBefore = Long.parseLong(fromRedis);
        } else {
            storeReads.incrementAndGet();
            notBefore = store.userNotBefore(userId);
            redisSetIfAbsent(USER_KEY + userId, Long.toString(notBefore));
        }
        if (live && generation.get() == loadGeneration) {
            users.put(userId, notBefore);
        }
        return notBefore;
    }

    boolean isDenied(String jti) {
        if (!live) {
            storeReads.incrementAndGet();
            return store.denied(jti);
        }
        Long expiresAt = denied.get(jti);
        return expiresAt != null && expiresAt > System.currentTimeMillis();
    }

    /** After a committed change of a tenant: fresh value into Redis, then every instance told. */
    void tenantChanged(UUID tenantId, GateStore.TenantState fresh) {
        tenants.invalidate(tenantId);
        publish(TENANT_KEY + tenantId, fresh.encode(), "tenant:" + tenantId);
    }

    void userChanged(UUID userId, long notBeforeMillis) {
        users.invalidate(userId);
        publish(USER_KEY + userId, Long.toString(notBeforeMillis), "user:" + userId);
    }

    void tokenDenied(String jti, long expiresAtMillis) {
        denied.put(jti, expiresAtMillis);
        publish(null, null, "jti:" + jti + ":" + expiresAtMillis);
    }

    boolean isLive() {
        return live;
    }

    /** Redis reads and PostgreSQL reads since start: the benchmark's "commands per request". */
    long[] readCounts() {
        return new long[] {redisReads.get(), storeReads.get()};
    }

    private void publish(@Nullable String key, @Nullable String value, String message) {
        try {
            if (key != null) {
                redis.opsForValue().set(key, value, REDIS_TTL);
            }
            redis.convertAndSend(CHANNEL, message);
        } catch (RuntimeException e) {
            // PostgreSQL already holds the truth; instances that missed this message lost their subscription
            // too and read PostgreSQL until it is back.
            log.warn("Could not publish gate invalidation {} to Redis: {}", message, e.getMessage());
        }
    }

    private @Nullable String redisGet(String key) {
        try {
            redisReads.incrementAndGet();
            return redis.opsForValue().get(key);
        } catch (RuntimeException e) {
            dropNearCache("Redis read failed: " + e.getMessage());
            return null;
        }
    }

    private void redisSetIfAbsent(String key, String value) {
        if (!live) {
            return;
        }
        try {
            redis.opsForValue().setIfAbsent(key, value, REDIS_TTL);
        } catch (RuntimeException e) {
            dropNearCache("Redis write failed: " + e.getMessage());
        }
    }

    private void onMessage(String message) {
        generation.incrementAndGet();
        if (message.startsWith("tenant:")) {
            tenants.invalidate(UUID.fromString(message.substring(7)));
        } else if (message.startsWith("user:")) {
            users.invalidate(UUID.fromString(message.substring(5)));
        } else if (message.startsWith("jti:")) {
            int last = message.lastIndexOf(':');
            denied.put(message.substring(4, last), Long.parseLong(message.substring(last + 1)));
        }
    }

    private void dropNearCache(String why) {
        if (live) {
            log.warn("Gate near cache dropped, reading PostgreSQL until Redis is back: {}", why);
        }
        live = false;
        generation.incrementAndGet();
        tenants.invalidateAll();
        users.invalidateAll();
    }

    /** Runs every second: (re)subscribe when needed, and PING to notice a silent network cut. */
    private void watch() {
        try {
            StatefulRedisPubSubConnection<String, String> current = subscription;
            if (current != null && current.isOpen()) {
                current.sync().ping();
                if (!live) {
                    goLive();
                }
                return;
            }
            if (current != null) {
                current.closeAsync();
            }
            subscribe();
        } catch (RuntimeException e) {
            dropNearCache(e.getMessage());
            StatefulRedisPubSubConnection<String, String> broken = subscription;
            subscription = null;
            if (broken != null) {
                broken.closeAsync();
            }
        }
    }

    private void subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = client().connectPubSub();
        connection.setTimeout(Duration.ofMillis(500));
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                onMessage(message);
            }
        });
        connection.sync().subscribe(CHANNEL);
        subscription = connection;
        goLive();
    }

    private void goLive() {
        generation.incrementAndGet();
        tenants.invalidateAll();
        users.invalidateAll();
        denied.clear();
        denied.putAll(store.unexpiredDenials());
        live = true;
        log.info("Gate near cache live: subscribed to {}", CHANNEL);
    }

    private RedisClient client() {
        if (client == null) {
            DataRedisConnectionDetails.Standalone standalone = redisDetails.getStandalone();
            RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                    .withDatabase(standalone.getDatabase()).withTimeout(Duration.ofMillis(500));
            if (redisDetails.getPassword() != null) {
                uri = redisDetails.getUsername() == null ? uri.withPassword(redisDetails.getPassword().toCharArray())
                        : uri.withAuthentication(redisDetails.getUsername(), redisDetails.getPassword().toCharArray());
            }
            RedisClient created = RedisClient.create(uri.build());
            // This class owns reconnection, so that it can drop the near cache before listening again.
            created.setOptions(ClientOptions.builder().autoReconnect(false).build());
            created.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                    dropNearCache("subscription disconnected");
                }

                @Override
                public void onRedisExceptionCaught(io.lettuce.core.RedisChannelHandler<?, ?> connection, Throwable cause) {
                    dropNearCache(cause.getMessage());
                }

                @Override
                public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
                    // goLive() runs once the subscription is confirmed, not on the bare connection.
                }
            });
            client = created;
        }
        return client;
    }

    @Override
    public void start() {
        running = true;
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gate-cache-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watch();
        watchdog.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
        watchdog.scheduleWithFixedDelay(this::purgeDenials, 1, 1, TimeUnit.MINUTES);
    }

    private void purgeDenials() {
        long now = System.currentTimeMillis();
        denied.values().removeIf(expiresAt -> expiresAt < now);
    }

    @Override
    public void stop() {
        running = false;
        live = false;
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        if (subscription != null) {
            subscription.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
