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
 * What the access gate reads: this instance's near cache, else PostgreSQL — the truth. Redis
 * carries only invalidations, never a value: a message makes the near cache forget an entry (or
 * deny one more token id), so whoever can write to Redis can at worst make the gate re-read
 * PostgreSQL or refuse more, never permit what PostgreSQL denies.
 *
 * <p>The near cache is used only while this instance's pub/sub subscription to
 * {@value #CHANNEL} is live, because only then does it hear every invalidation. When the
 * subscription drops (Redis stopped, network cut, a PING unanswered) the near cache is dropped and
 * the gate reads PostgreSQL directly; when it is back the cache starts empty, since messages were
 * missed. A load that raced an invalidation is not cached (a generation counter tells).
 */
@Component
class GateCache implements SmartLifecycle {

    static final String CHANNEL = "iusign:gate:invalidate";
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
    private final AtomicLong storeReads = new AtomicLong();
    private final AtomicLong malformedMessages = new AtomicLong();
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
        storeReads.incrementAndGet();
        Optional<GateStore.TenantState> state = store.tenant(tenantId);
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
        storeReads.incrementAndGet();
        long notBefore = store.userNotBefore(userId);
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

    /** After a committed change of a tenant: every instance (this one included) forgets it and re-reads PostgreSQL. */
    void tenantChanged(UUID tenantId) {
        tenants.invalidate(tenantId);
        publish("tenant:" + tenantId);
    }

    void userChanged(UUID userId) {
        users.invalidate(userId);
        publish("user:" + userId);
    }

    void tokenDenied(String jti, long expiresAtMillis) {
        denied.put(jti, expiresAtMillis);
        publish("jti:" + jti + ":" + expiresAtMillis);
    }

    boolean isLive() {
        return live;
    }

    /** PostgreSQL reads of the gate since start: the benchmark's "reads per request". */
    long storeReads() {
        return storeReads.get();
    }

    /** Invalidations on the channel that no instance of the platform sends: a sign that someone else writes to Redis. */
    long malformedMessages() {
        return malformedMessages.get();
    }

    private void publish(String message) {
        try {
            redis.convertAndSend(CHANNEL, message);
        } catch (RuntimeException e) {
            // PostgreSQL already holds the truth; instances that missed this message lost their subscription
            // too and read PostgreSQL until it is back.
            log.warn("Could not publish gate invalidation {} to Redis: {}", message, e.getMessage());
        }
    }

    /** A message can only make this instance forget an entry or deny a token; one it cannot read empties the near cache. */
    private void onMessage(String message) {
        generation.incrementAndGet();
        try {
            if (message.startsWith("tenant:")) {
                tenants.invalidate(UUID.fromString(message.substring(7)));
            } else if (message.startsWith("user:")) {
                users.invalidate(UUID.fromString(message.substring(5)));
            } else if (message.startsWith("jti:")) {
                int last = message.lastIndexOf(':');
                denied.put(message.substring(4, last), Long.parseLong(message.substring(last + 1)));
            } else {
                throw new IllegalArgumentException("unknown kind");
            }
        } catch (RuntimeException e) {
            malformedMessages.incrementAndGet();
            log.warn("Gate invalidation '{}' is not one the platform sends ({}); forgetting the whole near cache",
                    message.length() > 120 ? message.substring(0, 120) + "…" : message, e.getMessage());
            tenants.invalidateAll();
            users.invalidateAll();
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

    /** Stops listening; {@link #start()} may follow (a paused test context, a restarted lifecycle) and subscribes anew. */
    @Override
    public void stop() {
        running = false;
        live = false;
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            client = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
