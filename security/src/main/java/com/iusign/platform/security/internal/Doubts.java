package com.iusign.platform.security.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of the gate's near cache that another instance is about to change: from the warning until
 * the change says it committed (its invalidation), or for {@link #WINDOW} at the most, the gate
 * reads them from PostgreSQL and caches nothing of them. The window is far longer than a commit
 * takes, so whatever is read after it ends is the committed truth — even when the instance that
 * committed died before it could say so. Empty almost always, so the request path's check is one
 * {@code isEmpty()}.
 */
final class Doubts<K> {

    static final Duration WINDOW = Duration.ofSeconds(10);

    /** How many announced changes of a key have not said they committed, and until when the key is doubted at the latest. */
    private record Doubt(int open, long until) {
    }

    private final Map<K, Doubt> doubts = new ConcurrentHashMap<>();

    void doubt(K key) {
        long until = System.nanoTime() + WINDOW.toNanos();
        doubts.merge(key, new Doubt(1, until), (old, added) -> new Doubt(old.open() + 1, until));
    }

    /** The change announced for {@code key} committed and said so: once every announced change has, the key is trusted again. */
    void resolve(K key) {
        if (!doubts.isEmpty()) {
            doubts.computeIfPresent(key, (ignored, doubt) -> doubt.open() <= 1 ? null : new Doubt(doubt.open() - 1, doubt.until()));
        }
    }

    boolean doubted(K key) {
        if (doubts.isEmpty()) {
            return false;
        }
        Doubt doubt = doubts.get(key);
        if (doubt == null) {
            return false;
        }
        if (doubt.until() - System.nanoTime() > 0) {
            return true;
        }
        doubts.remove(key, doubt);
        return false;
    }

    void forgetExpired() {
        long now = System.nanoTime();
        doubts.values().removeIf(doubt -> doubt.until() - now <= 0);
    }
}
