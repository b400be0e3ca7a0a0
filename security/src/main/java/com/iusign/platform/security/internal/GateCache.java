package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the access gate reads: this instance's near cache, else PostgreSQL — the truth. Redis
 * carries only invalidations, never a value: a message makes the near cache forget an entry (or
 * deny one more token id), so whoever can write to Redis can at worst make the gate re-read
 * PostgreSQL or refuse more, never permit what PostgreSQL denies.
 *
 * <p>The near cache is used only while {@link GateSubscription} holds this instance's pub/sub
 * subscription to {@value #CHANNEL} live, because only then does it hear every invalidation. When
 * the subscription drops the near cache is dropped and the gate reads PostgreSQL directly; when it
 * is back the cache starts empty, since messages were missed. A load that raced an invalidation is
 * not cached (a generation counter tells). Redis is the fast path, not the only one: every change is
 * also logged in PostgreSQL and swept by each instance every second ({@link GateSweep}), and the
 * near cache is trusted only while those sweeps succeed; a change about to commit is announced
 * first ({@link #tenantChanging}), so that no instance caches what is about to change.
 */
@Component
class GateCache {

    static final String CHANNEL = "iusign:gate:invalidate";
    /** How long after a successful sweep of the change log ({@link GateSweep}) the near cache may be used. */
    static final java.time.Duration TRUST = java.time.Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(GateCache.class);

    private final GateStore store;
    private final StringRedisTemplate redis;
    private final Cache<UUID, GateStore.TenantState> tenants = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Cache<UUID, Long> users = Caffeine.newBuilder().maximumSize(1_000_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Map<String, Long> denied = new ConcurrentHashMap<>();
    private final Doubts<UUID> doubtedTenants = new Doubts<>();
    private final Doubts<UUID> doubtedUsers = new Doubts<>();
    private final Doubts<String> doubtedTokens = new Doubts<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong storeReads = new AtomicLong();
    private final AtomicLong malformedMessages = new AtomicLong();
    private volatile boolean live;
    /** {@code System.nanoTime()} until which the last sweep lets the near cache be used; nothing is trusted before the first. */
    private volatile long sweptUntil = System.nanoTime();

    GateCache(GateStore store, StringRedisTemplate redis) {
        this.store = store;
        this.redis = redis;
    }

    Optional<GateStore.TenantState> tenant(UUID tenantId) {
        boolean trusted = trusted() && !doubtedTenants.doubted(tenantId);
        if (trusted) {
            GateStore.TenantState cached = tenants.getIfPresent(tenantId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        long loadGeneration = generation.get();
        storeReads.incrementAndGet();
        Optional<GateStore.TenantState> state = store.tenant(tenantId);
        if (trusted && trusted() && generation.get() == loadGeneration) {
            state.ifPresent(value -> tenants.put(tenantId, value));
        }
        return state;
    }

    long userNotBefore(UUID userId) {
        boolean trusted = trusted() && !doubtedUsers.doubted(userId);
        if (trusted) {
            Long cached = users.getIfPresent(userId);
            if (cached != null) {
                return cached;
            }
        }
        long loadGeneration = generation.get();
        storeReads.incrementAndGet();
        long notBefore = store.userNotBefore(userId);
        if (trusted && trusted() && generation.get() == loadGeneration) {
            users.put(userId, notBefore);
        }
        return notBefore;
    }

    boolean isDenied(String jti) {
        if (!trusted() || doubtedTokens.doubted(jti)) {
            storeReads.incrementAndGet();
            return store.denied(jti);
        }
        Long expiresAt = denied.get(jti);
        return expiresAt != null && expiresAt > System.currentTimeMillis();
    }

    /**
     * Called inside the transaction that changes a tenant's status or not-before. Just before the
     * commit every instance is warned ({@code doubt:}): for {@link Doubts#WINDOW} it reads that
     * tenant from PostgreSQL on every request and caches nothing of it, so the change is enforced
     * from the instant it commits even if this instance dies before it can say so. Once committed,
     * every instance (this one included) forgets the entry and re-reads PostgreSQL.
     */
    void tenantChanging(UUID tenantId) {
        store.logChange("tenant:" + tenantId);
        CommitHooks.around(() -> publish("doubt:tenant:" + tenantId), () -> {
            tenants.invalidate(tenantId);
            announced(publish("tenant:" + tenantId));
        });
    }

    /** As {@link #tenantChanging}, for a user's not-before. */
    void userChanging(UUID userId) {
        store.logChange("user:" + userId);
        CommitHooks.around(() -> publish("doubt:user:" + userId), () -> {
            users.invalidate(userId);
            announced(publish("user:" + userId));
        });
    }

    /** As {@link #tenantChanging}, for a deny-listed token id: while in doubt every instance asks PostgreSQL about it. */
    void tokenDenying(String jti, long expiresAtMillis) {
        store.logChange("jti:" + jti + ":" + expiresAtMillis);
        CommitHooks.around(() -> publish("doubt:jti:" + jti), () -> {
            denied.put(jti, expiresAtMillis);
            announced(publish("jti:" + jti + ":" + expiresAtMillis));
        });
    }

    /** The near cache is used while both hold: subscribed to every invalidation, and the change log swept a moment ago. */
    boolean nearCacheLive() {
        return trusted();
    }

    /** Whether the subscription is confirmed (the sweep may still keep the near cache out of use). */
    boolean subscribed() {
        return live;
    }

    private boolean trusted() {
        return live && System.nanoTime() - sweptUntil < 0;
    }

    /** A sweep that began at {@code startedNanos} applied every logged change committed before it. */
    void swept(long startedNanos) {
        sweptUntil = startedNanos + TRUST.toNanos();
    }

    long databaseReads() {
        return storeReads.get();
    }

    long foreignInvalidations() {
        return malformedMessages.get();
    }

    /**
     * When Redis could not carry a committed change, the caller is answered only once every other
     * instance has either swept it from the change log or stopped trusting its near cache (at most
     * {@link #TRUST} after the commit): a suspension the API acknowledged is enforced everywhere.
     */
    private static void announced(boolean published) {
        if (!published) {
            try {
                Thread.sleep(TRUST);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean publish(String message) {
        try {
            redis.convertAndSend(CHANNEL, message);
            return true;
        } catch (RuntimeException e) {
            // PostgreSQL already holds the truth and the change log: the other instances sweep it within a second.
            log.warn("Could not publish gate invalidation {} to Redis: {}", message, e.getMessage());
            return false;
        }
    }

    /** A message can only make this instance forget an entry or deny a token; one it cannot read empties the near cache. */
    void onMessage(String message) {
        apply(message, true);
    }

    /**
     * A change the sweep found in the log: applied as its message would be, but it ends no doubt —
     * only the message published after the commit does, once, so a replay cannot end the doubt of
     * another change of the same key that is still committing.
     */
    void applyLogged(String message) {
        apply(message, false);
    }

    private void apply(String message, boolean published) {
        generation.incrementAndGet();
        try {
            if (message.startsWith("doubt:")) {
                doubt(message.substring(6));
            } else if (message.startsWith("tenant:")) {
                UUID tenantId = UUID.fromString(message.substring(7));
                tenants.invalidate(tenantId);
                if (published) {
                    doubtedTenants.resolve(tenantId);
                }
            } else if (message.startsWith("user:")) {
                UUID userId = UUID.fromString(message.substring(5));
                users.invalidate(userId);
                if (published) {
                    doubtedUsers.resolve(userId);
                }
            } else if (message.startsWith("jti:")) {
                int last = message.lastIndexOf(':');
                String jti = message.substring(4, last);
                denied.put(jti, Long.parseLong(message.substring(last + 1)));
                if (published) {
                    doubtedTokens.resolve(jti);
                }
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

    /** A change is about to commit elsewhere: read its key from PostgreSQL for a while, and forget what is cached of it. */
    private void doubt(String key) {
        if (key.startsWith("tenant:")) {
            UUID tenantId = UUID.fromString(key.substring(7));
            doubtedTenants.doubt(tenantId);
            tenants.invalidate(tenantId);
        } else if (key.startsWith("user:")) {
            UUID userId = UUID.fromString(key.substring(5));
            doubtedUsers.doubt(userId);
            users.invalidate(userId);
        } else if (key.startsWith("jti:")) {
            doubtedTokens.doubt(key.substring(4));
        } else {
            throw new IllegalArgumentException("unknown kind of doubt");
        }
    }

    void dropNearCache(String why) {
        if (live) {
            log.warn("Gate near cache dropped, reading PostgreSQL until Redis is back: {}", why);
        }
        live = false;
        generation.incrementAndGet();
        tenants.invalidateAll();
        users.invalidateAll();
    }

    /** The subscription is confirmed: start from an empty near cache and the denials PostgreSQL holds (messages were missed). */
    void goLive() {
        forgetAll();
        live = true;
        log.info("Gate near cache live: subscribed to {}", CHANNEL);
    }

    /** Whatever is cached may have missed changes: start again from PostgreSQL (the subscription stays as it is). */
    void forgetAll() {
        generation.incrementAndGet();
        tenants.invalidateAll();
        users.invalidateAll();
        denied.clear();
        denied.putAll(store.unexpiredDenials());
    }

    void purgeDenials() {
        long now = System.currentTimeMillis();
        denied.values().removeIf(expiresAt -> expiresAt < now);
        doubtedTenants.forgetExpired();
        doubtedUsers.forgetExpired();
        doubtedTokens.forgetExpired();
    }

    /** Not listening any more (stopped): every read goes to PostgreSQL until the subscription is live again. */
    void stopped() {
        live = false;
    }
}
