package com.iusign.platform.retention;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantEndOfLife;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantMasterKey;
import com.iusign.platform.security.TenantScope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Purges: asked for early (a second SuperAdmin approves, {@link #requestPurge}) or due because the
 * retention window ended, and carried out by {@link #runDue} — a job on every instance, of which
 * one at a time works on a tenant (a lease on its purge row). A purge first destroys the tenant's
 * master key (from then on no copy of its documents, in backups too with KMS, can be read), then
 * deletes every row of the tenant in every row-level-secured table in batches of
 * {@code iusign.retention.purge-batch-size}, each batch a transaction that also counts it, so a
 * purge killed half-way resumes where it stopped with exact counts; then it marks the tenant
 * PURGED and signs the {@link DestructionRecords destruction record}. A legal hold stops a purge
 * that has not begun; a purge that has begun cannot be held or restored.
 */
@Service
public class TenantPurges {

    static final String PURGE_KIND = "tenant-purge";
    static final String RESTORE_KIND = "tenant-restore";
    private static final Logger log = LoggerFactory.getLogger(TenantPurges.class);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final PurgeStore store;
    private final TenantLifecycle lifecycle;
    private final TenantEndOfLife endOfLife;
    private final LegalHolds holds;
    private final TenantKeys keys;
    private final TenantScope scope;
    private final Approvals approvals;
    private final DestructionRecords records;
    private final PurgeNotices notices;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final String instance = "purge-" + UUID.randomUUID().toString().substring(0, 8);

    TenantPurges(PurgeStore store, TenantLifecycle lifecycle, TenantEndOfLife endOfLife, LegalHolds holds, TenantKeys keys, TenantScope scope, Approvals approvals,
                 DestructionRecords records, PurgeNotices notices, TransactionTemplate transactions,
                 @Value("${iusign.retention.purge-batch-size:1000}") int batchSize) {
        this.notices = notices;
        this.store = store;
        this.lifecycle = lifecycle;
        this.endOfLife = endOfLife;
        this.holds = holds;
        this.keys = keys;
        this.scope = scope;
        this.approvals = approvals;
        this.records = records;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** Where the tenant stands at the end of its life: its window, the hold, the purge's progress. */
    public record RetentionState(UUID tenantId, TenantStatus status, @Nullable Instant purgeAfter, @Nullable LegalHold legalHold,
                                 @Nullable Progress purge) {
    }

    /** A purge's progress as the console and the API show it. */
    public record Progress(String trigger, @Nullable String requestedBy, @Nullable String approvedBy, Instant scheduledAt,
                           @Nullable Instant startedAt, Map<String, Long> rowsDeleted, int batches, boolean keyDestroyed,
                           @Nullable Instant finishedAt) {
    }

    public RetentionState state(TenantId tenantId) {
        return state(lifecycle.get(tenantId));
    }

    /** The same for a tenant the caller has just read. */
    public RetentionState state(Tenant tenant) {
        TenantId tenantId = tenant.id();
        return new RetentionState(tenantId.value(), tenant.status(), tenant.purgeAfter(), holds.active(tenantId).orElse(null),
                store.find(tenantId.value()).map(purge -> new Progress(purge.trigger(), purge.requestedBy(), purge.approvedBy(),
                        purge.createdAt(), purge.startedAt(), purge.rowsDeleted(), purge.batches(), purge.keyDestroyed() != null,
                        purge.finishedAt())).orElse(null));
    }

    /**
     * Asks a second SuperAdmin to approve purging the tenant now, before its window ends.
     *
     * @throws Conflict unless the tenant is deactivated, holds no legal hold and has no purge scheduled
     */
    public Approval requestPurge(TenantId tenantId, Change change) {
        Tenant tenant = purgeable(tenantId);
        return approvals.request(PURGE_KIND, tenantId, tenantId.value(), "Purge " + tenant.name() + " now (its retention window ends "
                + tenant.purgeAfter() + "): every row deleted, its key destroyed", change);
    }

    /** Asks a second SuperAdmin to approve restoring the deactivated tenant. @throws Conflict once a purge is scheduled or done */
    public Approval requestRestore(TenantId tenantId, Change change) {
        Tenant tenant = restorable(tenantId);
        return approvals.request(RESTORE_KIND, tenantId, tenantId.value(), "Restore " + tenant.name() + " (deactivated "
                + tenant.statusChangedAt() + ") to active", change);
    }

    void approvedPurge(Approval approval, Change decision) {
        purgeable(new TenantId(approval.tenantId()));
        store.create(approval.tenantId(), "APPROVED", decision.by().name(), approval.requestedBy().name(), approval.reason());
    }

    void approvedRestore(Approval approval) {
        TenantId tenantId = new TenantId(approval.tenantId());
        restorable(tenantId);
        endOfLife.restore(tenantId, new Change(approval.requestedBy(), approval.reason(), approval.ticket(), approval.correlationId()));
    }

    /**
     * Mails the owners whose tenant's purge is near, schedules the tenants whose window ended and
     * works through every unfinished purge; one tenant's failure does not stop the rest.
     */
    @Scheduled(fixedDelayString = "${iusign.retention.purge-interval:PT1M}", initialDelayString = "${iusign.retention.purge-initial-delay:PT1M}")
    public void runDue() {
        notices.send();
        for (TenantId due : endOfLife.purgeDue(100)) {
            if (holds.active(due).isEmpty()) {
                transactions.executeWithoutResult(status -> store.create(due.value(), "RETENTION_ENDED", null, null,
                        "The retention window ended"));
            }
        }
        for (UUID tenantId : store.unfinished(100)) {
            try {
                run(tenantId, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                log.error("The purge of tenant {} stopped; it resumes on the next run", tenantId, e);
            }
        }
    }

    /** Works on one purge for at most {@code maxBatches} deletes; true when it finished. */
    boolean run(UUID tenantId, int maxBatches) {
        PurgeStore.Purge purge = store.find(tenantId).orElseThrow();
        if (purge.finishedAt() != null) {
            return true;
        }
        // One lease per run, not per instance: the job and an operator's call in the same JVM must not delete side by side.
        String runner = instance + ":" + UUID.randomUUID();
        boolean leased = Boolean.TRUE.equals(transactions.execute(status -> {
            store.lock(tenantId);
            // Under the row lock a hold placed a moment ago is seen; a purge that has begun is not stopped by one.
            if (store.find(tenantId).orElseThrow().startedAt() == null && holds.active(new TenantId(tenantId)).isPresent()) {
                return false;
            }
            return store.lease(tenantId, runner, LEASE);
        }));
        if (!leased) {
            return false;
        }
        try {
            Tenant before = lifecycle.get(new TenantId(tenantId));
            Change change = Change.of(Actor.system("retention"), purge.approvedBy() == null ? purge.reason()
                    : "Purge approved by " + purge.approvedBy() + " (requested by " + purge.requestedBy() + "): " + purge.reason());
            if (purge.keyDestroyed() == null) {
                TenantMasterKey destroyed = keys.destroy(new TenantId(tenantId), change);
                transactions.executeWithoutResult(status -> store.keyDestroyed(tenantId, DestructionRecords.key(destroyed)));
            }
            int batches = 0;
            for (String table : store.tenantTablesInDeleteOrder()) {
                while (true) {
                    if (batches >= maxBatches) {
                        return false;
                    }
                    int deleted = scope.call(tenantId, () -> {
                        int count = store.deleteBatch(table, tenantId, batchSize);
                        if (count > 0) {
                            store.counted(tenantId, table, count);
                        }
                        return count;
                    });
                    batches++;
                    if (batches % 50 == 0 && !Boolean.TRUE.equals(transactions.execute(status -> store.lease(tenantId, runner, LEASE)))) {
                        return false;
                    }
                    // Only an empty batch ends a table: a short one may mean another runner took rows at the same moment.
                    if (deleted == 0) {
                        break;
                    }
                }
            }
            Tenant tombstone = endOfLife.markPurged(new TenantId(tenantId), change);
            PurgeStore.Purge done = store.find(tenantId).orElseThrow();
            String record = records.sign(before, tombstone, done);
            transactions.executeWithoutResult(status -> store.finished(tenantId, tombstone.purgedAt(), record));
            log.info("Purged tenant {} ({}): {} rows in {} batches", tenantId, before.name(), done.rowsDeleted().values().stream()
                    .mapToLong(Long::longValue).sum(), done.batches());
            return true;
        } finally {
            // A run that ends (done, stopped, failed) hands the purge back at once; one that is killed holds it until the lease runs out.
            transactions.executeWithoutResult(status -> store.release(tenantId, runner));
        }
    }

    private Tenant purgeable(TenantId tenantId) {
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.status() != TenantStatus.DEACTIVATED) {
            throw new Conflict("status", "Only a deactivated tenant can be purged; " + tenant.name() + " is "
                    + tenant.status().label().toLowerCase());
        }
        holds.active(tenantId).ifPresent(hold -> {
            throw new Conflict("legalHold", "A legal hold stands on " + tenant.name() + " (" + hold.placedBy() + ": " + hold.reason()
                    + "): release it before purging");
        });
        if (store.find(tenantId.value()).isPresent()) {
            throw new Conflict("purge", "The purge of " + tenant.name() + " is already scheduled");
        }
        return tenant;
    }

    private Tenant restorable(TenantId tenantId) {
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.status() != TenantStatus.DEACTIVATED) {
            throw new Conflict("status", "Only a deactivated tenant can be restored; " + tenant.name() + " is "
                    + tenant.status().label().toLowerCase());
        }
        if (store.find(tenantId.value()).isPresent()) {
            throw new Conflict("purge", "The purge of " + tenant.name() + " is scheduled or under way: it can no longer be restored");
        }
        return tenant;
    }
}
