package com.iusign.platform.fleet;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts and follows fleet jobs. A selection is resolved once, when the job starts, into at most
 * {@value #MAX_TENANTS} targets stored with the job; above {@value #CONFIRM_ABOVE} tenants the
 * caller must repeat how many it expects to reach (so a filter that matches more than the preview
 * showed is refused, not run). The targets are then worked through by a {@link FleetRunner} in the
 * background; a job whose runner stopped (crash, restart, database outage) is claimed and resumed by
 * any instance within a minute, at the first target without an outcome.
 */
@Service
public class FleetJobs implements SmartLifecycle {

    public static final int MAX_TENANTS = 10_000;
    public static final int CONFIRM_ABOVE = 10;

    private final FleetJobStore store;
    private final TenantLifecycle lifecycle;
    private final TenantManifest manifest;
    private final FleetRunner runner;
    private volatile @Nullable ScheduledExecutorService watchdog;

    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    FleetJobs(FleetJobStore store, TenantLifecycle lifecycle, TenantManifest manifest, FleetRunner runner,
              org.springframework.transaction.PlatformTransactionManager transactionManager,
              org.springframework.context.ApplicationEventPublisher events) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.events = events;
        this.store = store;
        this.lifecycle = lifecycle;
        this.manifest = manifest;
        this.runner = runner;
    }

    /**
     * The tenants a selection reaches now, in the manifest's order for a filter.
     *
     * @throws InvalidInput naming {@code tenantIds} for an empty selection, an unknown tenant or more than {@value #MAX_TENANTS}
     */
    public List<FleetTarget> resolve(FleetSelection selection) {
        List<FleetTarget> targets = new ArrayList<>();
        if (selection.filter() != null) {
            ManifestQuery all = selection.filter().withSize(ManifestQuery.MAX_SIZE);
            manifest.validate(all);
            try {
                manifest.export(all, entry -> {
                    if (targets.size() == MAX_TENANTS) {
                        throw new TooMany();
                    }
                    targets.add(new FleetTarget(new TenantId(entry.id()), entry.name()));
                });
            } catch (TooMany e) {
                throw tooMany("filter");
            }
        } else {
            if (selection.tenantIds().size() > MAX_TENANTS) {
                throw tooMany("tenantIds");
            }
            for (TenantId id : new LinkedHashSet<>(selection.tenantIds())) {
                try {
                    targets.add(new FleetTarget(id, lifecycle.get(id).name()));
                } catch (NotFound e) {
                    throw InvalidInput.of("tenantIds", "No tenant " + id.value() + " (purged, or a wrong id)");
                }
            }
        }
        if (targets.isEmpty()) {
            throw InvalidInput.of(selection.filter() != null ? "filter" : "tenantIds", "The selection reaches no tenant");
        }
        return targets;
    }

    /**
     * Resolves the selection and starts the job.
     *
     * @param confirmCount how many tenants the caller expects to reach; required above {@value #CONFIRM_ABOVE}
     * @throws InvalidInput naming {@code confirmCount} when it is missing or differs from the resolved count
     */
    public FleetJob start(FleetAction action, FleetSelection selection, Change change, @Nullable Integer confirmCount) {
        List<FleetTarget> targets = resolve(selection);
        if (targets.size() > CONFIRM_ABOVE && (confirmCount == null || confirmCount != targets.size())) {
            throw new InvalidInput(Map.of("confirmCount", confirmCount == null
                    ? "This action reaches " + targets.size() + " tenants: confirm by giving that number"
                    : "The selection now reaches " + targets.size() + " tenants, not " + confirmCount + ": review it and confirm again"));
        }
        UUID id = UUID.randomUUID();
        // The job, its targets and its audit entry commit together; the runner starts only once they are visible.
        transactions.executeWithoutResult(status -> {
            store.insert(id, action, change, selection.description(), targets);
            events.publishEvent(new FleetJobStarted(UUID.randomUUID(), id, action, selection.description(), targets.size(), change,
                    java.time.Instant.now()));
        });
        runner.launch(id);
        return get(id).orElseThrow();
    }

    public Optional<FleetJob> get(UUID jobId) {
        return store.job(jobId);
    }

    /** The outcomes from {@code fromPosition} on, in selection order (null outcome: not reached yet). */
    public List<FleetOutcome> outcomes(UUID jobId, int fromPosition, int limit) {
        return store.outcomes(jobId, fromPosition, Math.min(Math.max(limit, 1), 1000));
    }

    public List<FleetJob> recent(int limit) {
        return store.recent(Math.min(Math.max(limit, 1), 100));
    }

    /** Claims each orphaned job (one instance wins the conditional update) and resumes it. */
    private void resumeOrphans() {
        for (UUID id : store.orphaned()) {
            if (store.claim(id)) {
                runner.launch(id);
            }
        }
    }

    private static InvalidInput tooMany(String field) {
        return InvalidInput.of(field, "A fleet action reaches at most " + MAX_TENANTS + " tenants: narrow the selection");
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleet-jobs-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(() -> {
            try {
                resumeOrphans();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(FleetJobs.class).debug("Orphaned fleet jobs not checked: {}", e.getMessage());
            }
        }, 0, 30, TimeUnit.SECONDS);
        watchdog = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = watchdog;
        if (current != null) {
            current.shutdownNow();
            watchdog = null;
        }
    }

    @Override
    public boolean isRunning() {
        return watchdog != null;
    }
}
