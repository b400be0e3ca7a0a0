package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.NotFound;

import com.iusign.platform.kernel.Conflict;

import com.iusign.platform.kernel.InvalidInput;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.TenantId;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The lifecycle module's façade: provision, change and govern the status of tenants. Every
 * change runs in one transaction that also records its history and publishes its
 * {@link TenantEvent}; a refused change leaves nothing behind. Concurrent changes of one tenant
 * queue on its row lock; a caller that passes the version it loaded gets a
 * {@link Conflict} when someone else changed the tenant meanwhile.
 */
@Service
@Transactional
public class TenantLifecycle {

    private final TenantRecords records;
    private final ApplicationEventPublisher events;
    private final BulkStatusChange bulk;
    private final ObjectProvider<TenantProvisioningExtension> extensions;
    private final Clock clock;
    private final RetentionPolicy retention;

    TenantLifecycle(TenantRecords records, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                    ObjectProvider<TenantProvisioningExtension> extensions, RetentionPolicy retention) {
        this.retention = retention;
        this.records = records;
        this.events = events;
        this.extensions = extensions;
        this.bulk = new BulkStatusChange(transactions);
        this.clock = Clock.systemUTC();
    }

    /**
     * Provisions a tenant, ACTIVE, with a new permanent id.
     *
     * @throws InvalidInput naming each invalid field
     * @throws Conflict   when the name, slug or domain is taken
     */
    public Tenant provision(ProvisionTenant command, Change change) {
        return provisionReporting(command, change).tenant();
    }

    /** {@link #provision} with what the provisioning extensions report, such as the owner's activation token. */
    public ProvisioningResult provisionReporting(ProvisionTenant command, Change change) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = TenantRules.name(command.name(), errors);
        String slug = TenantRules.slug(command.slug(), errors);
        String plan = plan(command.plan(), errors);
        String ownerEmail = TenantRules.email(command.ownerEmail(), errors);
        String domain = TenantRules.domain(command.customDomain(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        requireFree(name, slug, domain, null);
        SubscriptionStatus subscription = Objects.requireNonNullElse(command.subscriptionStatus(), SubscriptionStatus.TRIALING);
        TenantId id = new TenantId(UUID.randomUUID());
        Instant now = clock.instant();
        insertOrConflict(() -> records.insert(id, name, slug, plan, subscription, ownerEmail, domain, now));
        records.recordStatus(id, null, TenantStatus.ACTIVE, change, now);
        events.publishEvent(new TenantProvisioned(UUID.randomUUID(), id, name, slug, plan, subscription, ownerEmail, domain, change, now));
        Tenant tenant = require(id);
        Map<String, Object> extras = new LinkedHashMap<>();
        extensions.orderedStream().forEach(extension -> extras.putAll(extension.tenantProvisioned(tenant, command, change)));
        return new ProvisioningResult(tenant, extras);
    }

    /**
     * Applies the non-null fields of {@code command}; one event per field that really changed.
     *
     * @throws NotFound   when no tenant has the id
     * @throws InvalidInput naming each invalid field, or when nothing is to change
     * @throws Conflict   on a taken name or domain, or a stale {@code expectedVersion}
     */
    public Tenant update(TenantId id, UpdateTenant command, Change change) {
        Tenant current = lock(id, command.expectedVersion());
        if (current.status() == TenantStatus.DEACTIVATED || current.status() == TenantStatus.PURGED) {
            throw new Conflict("status", "A " + current.status().label().toLowerCase() + " tenant cannot be changed");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String name = command.name() == null ? current.name() : TenantRules.name(command.name(), errors);
        String plan = command.plan() == null ? current.plan() : plan(command.plan(), errors);
        String domain = command.customDomain() == null ? current.customDomain() : TenantRules.domain(command.customDomain(), errors);
        if (command.isEmpty()) {
            errors.put("request", "Nothing to change: give at least one of name, plan, subscriptionStatus, customDomain");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        SubscriptionStatus subscription = Objects.requireNonNullElse(command.subscriptionStatus(), current.subscriptionStatus());
        boolean renamed = !name.equals(current.name());
        boolean domainChanged = !Objects.equals(domain, current.customDomain());
        requireFree(renamed ? name : null, null, domainChanged ? domain : null, id);
        Instant now = clock.instant();
        Tenant changed = new Tenant(id, name, current.slug(), plan, subscription, current.status(), current.ownerEmail(), domain,
                current.createdAt(), now, current.statusChangedAt(), current.version(), current.purgeAfter(), current.purgedAt());
        insertOrConflict(() -> records.updateAttributes(changed, now));
        if (renamed) {
            records.recordRename(id, current.name(), name, change, now);
            events.publishEvent(new TenantRenamed(UUID.randomUUID(), id, current.name(), name, change, now));
        }
        if (!plan.equals(current.plan())) {
            events.publishEvent(new TenantPlanChanged(UUID.randomUUID(), id, current.plan(), plan, change, now));
        }
        if (subscription != current.subscriptionStatus()) {
            events.publishEvent(new TenantSubscriptionStatusChanged(UUID.randomUUID(), id, current.subscriptionStatus(), subscription, change, now));
        }
        if (domainChanged) {
            events.publishEvent(new TenantCustomDomainChanged(UUID.randomUUID(), id, current.customDomain(), domain, change, now));
        }
        return require(id);
    }

    /**
     * Records the tenant's new owner e-mail. Only identity's owner assignment calls this, inside
     * the transaction that moves the OWNER role, after a second SuperAdmin approved it.
     */
    public Tenant recordOwner(TenantId id, String ownerEmail, String approvedBy, Change change) {
        Tenant current = require(id);
        if (current.ownerEmail().equals(ownerEmail)) {
            return current;
        }
        Instant now = clock.instant();
        records.updateOwner(id, ownerEmail, now);
        events.publishEvent(new TenantOwnerChanged(UUID.randomUUID(), id, current.ownerEmail(), ownerEmail, approvedBy, change, now));
        return require(id);
    }

    /** ACTIVE → SUSPENDED. @throws IllegalTransitionException from any other status */
    public Tenant suspend(TenantId id, Change change, @Nullable Long expectedVersion) {
        return moveTo(id, TenantStatus.SUSPENDED, change, expectedVersion);
    }

    /** SUSPENDED → ACTIVE. @throws IllegalTransitionException from any other status */
    public Tenant reactivate(TenantId id, Change change, @Nullable Long expectedVersion) {
        return moveTo(id, TenantStatus.ACTIVE, change, expectedVersion);
    }

    /**
     * ACTIVE or SUSPENDED → DEACTIVATED: no access, and the retention window starts ({@link RetentionPolicy}),
     * after which the tenant is purged. @throws IllegalTransitionException when already deactivated
     */
    public Tenant deactivate(TenantId id, Change change, @Nullable Long expectedVersion) {
        return moveTo(id, TenantStatus.DEACTIVATED, change, expectedVersion);
    }

    Tenant moveTo(TenantId id, TenantStatus target, Change change, @Nullable Long expectedVersion) {
        Tenant current = lock(id, expectedVersion);
        if (!current.status().canMoveTo(target)) {
            throw new IllegalTransitionException(current.status(), target);
        }
        return move(current, target, change);
    }

    /** Moves a locked tenant to {@code target} with its history and event; the callers have checked the move. */
    Tenant move(Tenant current, TenantStatus target, Change change) {
        TenantId id = current.id();
        Instant now = clock.instant();
        Instant purgeAfter = target == TenantStatus.DEACTIVATED ? now.plus(retention.window()) : null;
        records.updateStatus(id, target, now, purgeAfter, target == TenantStatus.PURGED ? now : null);
        records.recordStatus(id, current.status(), target, change, now);
        UUID eventId = UUID.randomUUID();
        events.publishEvent(switch (target) {
            case SUSPENDED -> new TenantSuspended(eventId, id, current.status(), change, now);
            case ACTIVE -> new TenantReactivated(eventId, id, current.status(), change, now);
            case DEACTIVATED -> new TenantDeactivated(eventId, id, current.status(), purgeAfter, change, now);
            case PURGED -> new TenantPurged(eventId, id, current.status(), change, now);
        });
        return require(id);
    }

    /**
     * Suspends up to {@value BulkStatusChange#MAX_TENANTS} tenants with one reason, each in its own
     * transaction: one refusal does not undo the others.
     *
     * @throws InvalidInput when the list is empty or too long
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkResult bulkSuspend(List<TenantId> ids, Change change) {
        return bulk.apply(ids, id -> moveTo(id, TenantStatus.SUSPENDED, change, null));
    }

    /** Deactivates up to {@value BulkStatusChange#MAX_TENANTS} tenants; see {@link #bulkSuspend}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkResult bulkDeactivate(List<TenantId> ids, Change change) {
        return bulk.apply(ids, id -> moveTo(id, TenantStatus.DEACTIVATED, change, null));
    }

    /** Reactivates up to {@value BulkStatusChange#MAX_TENANTS} tenants; see {@link #bulkSuspend}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkResult bulkReactivate(List<TenantId> ids, Change change) {
        return bulk.apply(ids, id -> moveTo(id, TenantStatus.ACTIVE, change, null));
    }

    @Transactional(readOnly = true)
    public Tenant get(TenantId id) {
        return require(id);
    }

    /**
     * A page of tenants in permanent-id order after {@code after} (null for the first page): how a
     * read model elsewhere is rebuilt from the lifecycle's truth without loading every tenant at once.
     */
    @Transactional(readOnly = true)
    public List<Tenant> tenantsAfter(@Nullable TenantId after, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        return records.after(after == null ? new UUID(0, 0) : after.value(), limit);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Tenant> findBySlug(String slug) {
        return records.findBySlug(slug);
    }

    @Transactional(readOnly = true)
    public TenantHistory history(TenantId id) {
        require(id);
        return records.history(id);
    }

    @Transactional(readOnly = true)
    public List<Plan> plans() {
        return records.plans();
    }

    /** The plan the tenant is on, with its quotas; a tenant always is on a known plan (the record refuses others). */
    @Transactional(readOnly = true)
    public Plan planOf(Tenant tenant) {
        return records.plans().stream().filter(plan -> plan.code().equals(tenant.plan())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenant.id() + " is on unknown plan " + tenant.plan()));
    }

    /** Number of tenants that were provisioned and not yet purged. */
    @Transactional(readOnly = true)
    public long countTenants() {
        return records.count();
    }

    private Tenant require(TenantId id) {
        return records.find(id).orElseThrow(() -> NotFound.tenant(id));
    }

    Tenant lock(TenantId id, @Nullable Long expectedVersion) {
        Tenant current = records.lock(id).orElseThrow(() -> NotFound.tenant(id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw Conflict.stale("tenant", expectedVersion, current.version());
        }
        return current;
    }

    private @Nullable String plan(@Nullable String code, Map<String, String> errors) {
        List<Plan> plans = records.plans();
        if (code != null && plans.stream().anyMatch(plan -> plan.code().equals(code))) {
            return code;
        }
        errors.put("plan", "Unknown plan '" + code + "'; one of " + plans.stream().map(Plan::code).toList());
        return null;
    }

    private void requireFree(@Nullable String name, @Nullable String slug, @Nullable String domain, @Nullable TenantId except) {
        if (name != null && records.nameTaken(name, except)) {
            throw new Conflict("name", "Another tenant is already named '" + name + "'");
        }
        if (slug != null && records.slugTaken(slug)) {
            throw new Conflict("slug", "The slug '" + slug + "' is taken");
        }
        if (domain != null && records.domainTaken(domain, except)) {
            throw new Conflict("customDomain", "The domain '" + domain + "' belongs to another tenant");
        }
    }

    /** The unique indexes close the race between the checks above and the write. */
    private static void insertOrConflict(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.contains("tenant_slug_unique") ? "slug"
                    : message.contains("tenant_custom_domain_unique") ? "customDomain" : "name";
            throw new Conflict(field, "Another tenant took this " + field + " a moment ago; choose another");
        }
    }
}
