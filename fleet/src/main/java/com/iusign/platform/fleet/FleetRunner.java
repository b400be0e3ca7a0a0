package com.iusign.platform.fleet;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.Refusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.IllegalTransitionException;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SessionRevocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works through a job's targets without an outcome, in order, one tenant at a time — each change
 * in its own transaction through its module's façade, so that one refusal never undoes the others —
 * and records each outcome right after it. A crash between a tenant's change and its outcome makes
 * the resumed job try that tenant again: a status change then finds the tenant already in the
 * wanted state and records it as skipped (never applied twice); a flush is repeated (it only moves
 * the not-before again, with a second audit entry).
 */
@Component
class FleetRunner {

    private static final Logger log = LoggerFactory.getLogger(FleetRunner.class);
    private static final int BATCH = 50;

    private final FleetJobStore store;
    private final TenantLifecycle lifecycle;
    private final SessionRevocation sessions;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    FleetRunner(FleetJobStore store, TenantLifecycle lifecycle, SessionRevocation sessions) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
    }

    void launch(UUID jobId) {
        if (running.add(jobId)) {
            Thread.ofVirtual().name("fleet-job-" + jobId).start(() -> {
                try {
                    run(jobId);
                } finally {
                    running.remove(jobId);
                }
            });
        }
    }

    private void run(UUID jobId) {
        try {
            FleetJob job = store.job(jobId).orElseThrow();
            Change change = store.change(jobId);
            List<FleetOutcome> batch;
            while (!(batch = store.pending(jobId, BATCH)).isEmpty()) {
                for (FleetOutcome target : batch) {
                    apply(job.action(), jobId, target, change);
                }
                store.heartbeat(jobId);
            }
            store.finish(jobId, "COMPLETED", null);
        } catch (DataAccessException e) {
            // The database is gone: the job stays RUNNING with an old heartbeat and is resumed once it is back.
            log.warn("Fleet job {} paused: {}", jobId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Fleet job {} failed", jobId, e);
            store.finish(jobId, "FAILED", String.valueOf(e.getMessage()));
        }
    }

    private void apply(FleetAction action, UUID jobId, FleetOutcome target, Change change) {
        TenantId tenant = new TenantId(target.tenantId());
        String outcome;
        String detail;
        try {
            detail = switch (action) {
                case SUSPEND -> "now " + lifecycle.suspend(tenant, change, null).status().label().toLowerCase();
                case REACTIVATE -> "now " + lifecycle.reactivate(tenant, change, null).status().label().toLowerCase();
                case FLUSH -> "sessions before " + sessions.flushTenant(tenant, change).effectiveAt() + " refused";
            };
            outcome = "DONE";
        } catch (IllegalTransitionException | NotFound e) {
            outcome = "SKIPPED";
            detail = e.getMessage();
        } catch (Refusal e) {
            outcome = "FAILED";
            detail = e.getMessage();
        }
        store.record(jobId, target.position(), outcome, detail);
    }
}
