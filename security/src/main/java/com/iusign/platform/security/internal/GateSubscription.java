package com.iusign.platform.security.internal;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds this instance's subscription to the gate's invalidation channel and tells the
 * {@link GateCache} when it may trust its near cache: live once the subscription is confirmed,
 * dropped the moment the connection fails, a PING goes unanswered (a silent network cut, noticed
 * within about a second) or the lifecycle stops. It reconnects by itself, through its own client
 * without Lettuce's auto-reconnect, so that the cache is dropped before it listens again.
 */
@Component
class GateSubscription implements SmartLifecycle {

    private final GateCache cache;
    private final DataRedisConnectionDetails redisDetails;
    private volatile boolean running;
    private @Nullable AbstractRedisClient client;
    private @Nullable StatefulRedisPubSubConnection<String, String> subscription;
    private @Nullable ScheduledExecutorService watchdog;

    GateSubscription(GateCache cache, DataRedisConnectionDetails redisDetails) {
        this.cache = cache;
        this.redisDetails = redisDetails;
    }

    /** Runs every second: (re)subscribe when needed, and PING to notice a silent network cut. */
    private void watch() {
        try {
            StatefulRedisPubSubConnection<String, String> current = subscription;
            if (current != null && current.isOpen()) {
                current.sync().ping();
                if (!cache.subscribed()) {
                    cache.goLive();
                }
                return;
            }
            if (current != null) {
                current.closeAsync();
            }
            subscribe();
        } catch (RuntimeException e) {
            cache.dropNearCache(e.getMessage());
            StatefulRedisPubSubConnection<String, String> broken = subscription;
            subscription = null;
            if (broken != null) {
                broken.closeAsync();
            }
        }
    }

    private void subscribe() {
        StatefulRedisPubSubConnection<String, String> connection = connectPubSub();
        connection.setTimeout(Duration.ofMillis(500));
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                cache.onMessage(message);
            }
        });
        connection.sync().subscribe(GateCache.CHANNEL);
        subscription = connection;
        cache.goLive();
    }

    /**
     * The subscription's own client for the topology Spring's settings describe: one server,
     * Sentinel (the URI follows the master the sentinels name, so a failover moves the subscription
     * to the promoted replica on its next reconnect) or Cluster (Redis Cluster delivers a PUBLISH to
     * every node, so one subscribed node hears every instance's invalidations).
     */
    private AbstractRedisClient client() {
        if (client == null) {
            AbstractRedisClient created;
            DataRedisConnectionDetails.Cluster cluster = redisDetails.getCluster();
            DataRedisConnectionDetails.Sentinel sentinel = redisDetails.getSentinel();
            if (cluster != null) {
                RedisClusterClient clusterClient = RedisClusterClient.create(cluster.getNodes().stream()
                        .map(node -> authenticated(RedisURI.builder().withHost(node.host()).withPort(node.port())).build()).toList());
                clusterClient.setOptions(ClusterClientOptions.builder().autoReconnect(false).build());
                created = clusterClient;
            } else {
                RedisURI.Builder uri;
                if (sentinel != null) {
                    uri = RedisURI.builder().withSentinelMasterId(sentinel.getMaster()).withDatabase(sentinel.getDatabase());
                    for (DataRedisConnectionDetails.Node node : sentinel.getNodes()) {
                        uri = uri.withSentinel(node.host(), node.port());
                    }
                } else {
                    DataRedisConnectionDetails.Standalone standalone = redisDetails.getStandalone();
                    uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort()).withDatabase(standalone.getDatabase());
                }
                RedisClient single = RedisClient.create(authenticated(uri).build());
                // This class owns reconnection, so that it can drop the near cache before listening again.
                single.setOptions(ClientOptions.builder().autoReconnect(false).build());
                created = single;
            }
            created.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                    cache.dropNearCache("subscription disconnected");
                }

                @Override
                public void onRedisExceptionCaught(io.lettuce.core.RedisChannelHandler<?, ?> connection, Throwable cause) {
                    cache.dropNearCache(cause.getMessage());
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

    private StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client() instanceof RedisClusterClient cluster ? cluster.connectPubSub() : ((RedisClient) client()).connectPubSub();
    }

    private RedisURI.Builder authenticated(RedisURI.Builder uri) {
        uri = uri.withTimeout(Duration.ofMillis(500));
        if (redisDetails.getPassword() != null) {
            uri = redisDetails.getUsername() == null ? uri.withPassword(redisDetails.getPassword().toCharArray())
                    : uri.withAuthentication(redisDetails.getUsername(), redisDetails.getPassword().toCharArray());
        }
        return uri;
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
        watchdog.scheduleWithFixedDelay(cache::purgeDenials, 1, 1, TimeUnit.MINUTES);
    }

    /** Stops listening; {@link #start()} may follow (a paused test context, a restarted lifecycle) and subscribes anew. */
    @Override
    public void stop() {
        running = false;
        cache.stopped();
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
