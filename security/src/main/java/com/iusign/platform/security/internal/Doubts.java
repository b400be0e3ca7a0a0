package com.iusign.platform.security.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of the gate's near cache that another instance is about to change: for {@link #WINDOW}
 * after the warning the gate reads them from PostgreSQL and caches nothing of them. The window is
 * far longer than a commit takes, so whatever is read after it ends is the committed truth — even
 * when the instance that committed died before it could publish the invalidation. Empty almost
 * always, so the request path's check is one {@code isEmpty()}.
 */
final class Doubts<K> {

    static final Duration WINDOW = Duration.ofSeconds(10);

    private final Map<K, Long> until = new ConcurrentHashMap<>();

    void doubt(K key) {
        until.put(key, System.nanoTime() + WINDOW.toNanos());
    }

    boolean doubted(K key) {
        if (until.isEmpty()) {
            return false;
        }
        Long end = until.get(key);
        if (end == null) {
            return false;
        }
        if (end - System.nanoTime() > 0) {
            return true;
        }
        until.remove(key, end);
        return false;
    }

    void forgetExpired() {
        long now = System.nanoTime();
        until.values().removeIf(end -> end - now <= 0);
    }
}
