package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The lifecycle's end of a tenant's life, for the retention module: the retention window a
 * deactivation starts ({@link RetentionPolicy}), restore within it, the PURGED tombstone, and the
 * work lists of the purge job and the owners' notices. Each change locks the tenant's row like
 * {@link TenantLifecycle}'s own and records its history and event.
 */
@Service
@Transactional
public class TenantEndOfLife {

    private final TenantLifecycle lifecycle;
    private final TenantRecords records;
    private final ApplicationEventPublisher events;
    private final RetentionPolicy retention;
    private final Clock clock = Clock.systemUTC();

    TenantEndOfLife(TenantLifecycle lifecycle, TenantRecords records, ApplicationEventPublisher events, RetentionPolicy retention) {
        this.lifecycle = lifecycle;
        this.records = records;
        this.events = events;
        this.retention = retention;
    }

    /**
     * DEACTIVATED → ACTIVE within the retention window. Only the retention module calls it, once a
     * second SuperAdmin approved the restore; the tenant's users sign in again (sessions before the
     * deactivation stay ended).
     *
     * @throws IllegalTransitionException unless the tenant is deactivated (a purged one cannot come back)
     */
    public Tenant restore(TenantId id, Change change) {
        Tenant current = lifecycle.lock(id, null);
        if (current.status() != TenantStatus.DEACTIVATED) {
            throw new IllegalTransitionException(current.status(), TenantStatus.ACTIVE);
        }
        return lifecycle.move(current, TenantStatus.ACTIVE, change);
    }

    /**
     * DEACTIVATED → PURGED: the tombstone, once the retention module has deleted the tenant's data
     * and destroyed its key. Repeating it on a purged tenant returns the tombstone unchanged.
     */
    public Tenant markPurged(TenantId id, Change change) {
        Tenant current = lifecycle.lock(id, null);
        if (current.status() == TenantStatus.PURGED) {
            return current;
        }
        if (current.status() != TenantStatus.DEACTIVATED) {
            throw new IllegalTransitionException(current.status(), TenantStatus.PURGED);
        }
        return lifecycle.move(current, TenantStatus.PURGED, change);
    }

    /**
     * Moves the end of a deactivated tenant's retention window to {@code days} after its
     * deactivation; only longer than the platform's window (a shorter one is "purge now", which
     * needs a second SuperAdmin). Audited as {@code tenant.retention-changed}.
     */
    public Tenant extendRetention(TenantId id, int days, Change change) {
        Tenant current = lifecycle.lock(id, null);
        if (current.status() != TenantStatus.DEACTIVATED) {
            throw new Conflict("status", "Only a deactivated tenant has a retention window; " + current.name() + " is "
                    + current.status().label().toLowerCase());
        }
        if (days < retention.days() || days > RetentionPolicy.MAX_DAYS) {
            throw InvalidInput.of("days", "The retention window can be extended to " + retention.days() + " to "
                    + RetentionPolicy.MAX_DAYS + " days after deactivation; to purge sooner, use Purge now (a second"
                    + " SuperAdmin approves it)");
        }
        Instant purgeAfter = current.statusChangedAt().plus(java.time.Duration.ofDays(days));
        Instant now = clock.instant();
        records.updatePurgeAfter(id, purgeAfter, now);
        events.publishEvent(new TenantRetentionChanged(UUID.randomUUID(), id, current.purgeAfter(), purgeAfter, days, change, now));
        return lifecycle.get(id);
    }

    /** Deactivated tenants whose retention window ends within {@code within} from now, soonest first (for the owners' notices). */
    @Transactional(readOnly = true)
    public List<Tenant> purgingWithin(java.time.Duration within, int limit) {
        return records.purgingBefore(clock.instant().plus(within), limit);
    }

    /** Deactivated tenants whose retention window has ended, oldest first (the purge job's work list). */
    @Transactional(readOnly = true)
    public List<TenantId> purgeDue(int limit) {
        return records.purgeDue(clock.instant(), limit);
    }
}
