package com.iusign.platform.security.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every second, applies to this instance's near cache every change of the gate's truth that
 * PostgreSQL's change log holds and this instance has not applied yet — what Redis should have
 * carried but did not: the invalidation of an instance that died right after its commit, or of one
 * that could not reach Redis while this one could. The near cache is trusted only while these
 * sweeps succeed ({@link GateCache#TRUST}), so a change that commits is enforced everywhere within
 * about a second even when every message about it was lost, and a PostgreSQL that cannot be swept
 * makes the gate read PostgreSQL (and answer 503 while it is gone) rather than trust a cache that
 * may be stale.
 */
@Component
class GateSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GateSweep.class);

    private final GateCache cache;
    private final GateStore store;
    /** Applied rows of the transactions at or above the horizon, by sequence number, with their transaction id. */
    private final Map<Long, Long> applied = new HashMap<>();
    private long horizon = -1;
    private long lastPurge;
    private long lastSuccess;
    private volatile ScheduledExecutorService scheduler;

    GateSweep(GateCache cache, GateStore store) {
        this.cache = cache;
        this.store = store;
    }

    /** One sweep: on start, then every second on this class's own thread. */
    synchronized void sweep() {
        long started = System.nanoTime();
        try {
            if (lastSuccess != 0 && started - lastSuccess > TimeUnit.MINUTES.toNanos(30)) {
                // The log keeps an hour: after so long a gap, start afresh rather than trust what was cached before it.
                log.warn("The gate's change log was not swept for {} minutes; the near cache starts again from PostgreSQL",
                        TimeUnit.NANOSECONDS.toMinutes(started - lastSuccess));
                cache.forgetAll();
                horizon = -1;
            }
            GateStore.Changes changes = store.changesSince(Math.max(horizon, 0));
            boolean first = horizon < 0;
            for (GateStore.Change change : changes.rows()) {
                if (applied.putIfAbsent(change.seq(), change.tx()) == null && !first) {
                    cache.applyLogged(change.message());
                }
            }
            horizon = changes.nextHorizon();
            applied.values().removeIf(tx -> tx < horizon);
            cache.swept(started);
            lastSuccess = started;
            if (started - lastPurge > TimeUnit.MINUTES.toNanos(10)) {
                lastPurge = started;
                store.purgeChangeLog();
            }
        } catch (RuntimeException e) {
            log.warn("Gate change log could not be swept ({}); the near cache is not trusted until a sweep succeeds", e.getMessage());
        }
    }

    /** The first sweep runs before {@code start} returns, so a (re)started context trusts its near cache at once. */
    @Override
    public void start() {
        sweep();
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gate-change-sweep");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
