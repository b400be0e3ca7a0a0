package com.iusign.platform.inventory;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.SubscriptionStatus;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Global Tenant Manifest: searches over the {@code tenant_manifest} read model (kept from
 * lifecycle events by {@link ManifestProjection}) with keyset pages, and its rebuild from the
 * lifecycle's truth.
 */
@Service
@Transactional(readOnly = true)
public class TenantManifest {

    private final TenantLifecycle lifecycle;
    private final ManifestStore store;
    private final ManifestSearch search;
    private final ManifestReader reader;

    private final ApplicationEventPublisher events;

    TenantManifest(TenantLifecycle lifecycle, ManifestStore store, ManifestSearch search, ManifestReader reader,
                   ApplicationEventPublisher events) {
        this.reader = reader;
        this.events = events;
        this.search = search;
        this.lifecycle = lifecycle;
        this.store = store;
    }

    /** The names of the tenants among {@code ids} the manifest holds (a purged tenant has none), for lists that show tenant ids. */
    public java.util.Map<java.util.UUID, String> names(java.util.Collection<java.util.UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of() : store.names(ids);
    }

    public boolean isEmpty() {
        return lifecycle.countTenants() == 0;
    }

    /** @throws ManifestQueryException naming the parameter that cannot be used */
    public ManifestPage search(ManifestQuery query) {
        ManifestQuery checked = check(query);
        ManifestCursor after = checked.cursor() == null ? null : ManifestCursor.decode(checked.cursor(), checked.sort());
        boolean ranked = ManifestWalk.ranked(checked.sort(), checked.q() != null);
        if (after != null && ranked != after.rank() > 0) {
            throw new ManifestQueryException("cursor", "This cursor belongs to another search; start again without it");
        }
        List<ManifestReader.Row> rows = search.page(checked, after, checked.size() + 1);
        boolean more = rows.size() > checked.size();
        List<ManifestReader.Row> page = more ? rows.subList(0, checked.size()) : rows;
        ManifestReader.Row last = more ? page.getLast() : null;
        String next = last == null ? null : new ManifestCursor(checked.sort(), last.rank(), last.key(), last.id()).encode();
        return new ManifestPage(page.stream().map(ManifestReader.Row::entry).toList(), next);
    }

    /**
     * Checks {@code query} as a search would, without running it (an export refuses a bad one before it answers 200).
     *
     * @throws ManifestQueryException naming the parameter that cannot be used
     */
    public void validate(ManifestQuery query) {
        check(query);
    }

    /**
     * Every tenant that matches {@code query}, in its order, handed to {@code each} as the rows are fetched (one
     * cursor per walk, 5,000 rows a fetch): an export, never held in memory whole.
     *
     * @throws ManifestQueryException naming the parameter that cannot be used
     */
    public void export(ManifestQuery query, Consumer<ManifestEntry> each) {
        search.stream(check(query), each);
    }

    /**
     * A count for people: exact up to {@code cap}, "more than {@code cap}" beyond it (the estimate of
     * an unfiltered manifest may be shown as such).
     *
     * @throws ManifestQueryException naming the parameter that cannot be used
     */
    public ManifestCount count(ManifestQuery query, int cap) {
        long counted = search.countUpTo(check(query), cap);
        return new ManifestCount(Math.min(counted, cap), counted > cap);
    }

    /**
     * Why a search takes the time it takes: the plan (EXPLAIN ANALYZE) of every statement its page and its capped count
     * run, in order, each headed by what it is (a walk, its window probe, a matches-first read). For benchmarks and
     * for a SuperAdmin's support engineer; it runs the search once more.
     */
    public List<String> explain(ManifestQuery query, int countCap) {
        return reader.explaining(() -> {
            search(query);
            count(query, countCap);
        });
    }

    /** @param atLeast true when there are more than {@code value} */
    public record ManifestCount(long value, boolean atLeast) {
    }

    /** Recomputes every row from the lifecycle, a batch at a time; returns how many tenants it wrote. */
    @Transactional
    public long rebuild() {
        long written = 0;
        TenantId after = null;
        while (true) {
            List<Tenant> batch = lifecycle.tenantsAfter(after, 1000);
            if (batch.isEmpty()) {
                return written;
            }
            batch.forEach(tenant -> store.upsert(tenant, lifecycle.planOf(tenant)));
            written += batch.size();
            after = batch.getLast().id();
        }
    }

    private ManifestQuery check(ManifestQuery query) {
        String q = query.q() == null || query.q().isBlank() ? null : query.q().strip();
        if (q != null && q.length() > ManifestQuery.MAX_QUERY_LENGTH) {
            throw new ManifestQueryException("q", "The search text may have at most " + ManifestQuery.MAX_QUERY_LENGTH + " characters");
        }
        if (q != null && q.chars().anyMatch(Character::isISOControl)) {
            throw new ManifestQueryException("q", "The search text may not contain control characters");
        }
        if (query.size() < 1 || query.size() > ManifestQuery.MAX_SIZE) {
            throw new ManifestQueryException("size", "size must be between 1 and " + ManifestQuery.MAX_SIZE);
        }
        allowed("status", query.statuses(), names(TenantStatus.values()));
        allowed("subscription", query.subscriptions(), names(SubscriptionStatus.values()));
        allowed("plan", query.plans(), lifecycle.plans().stream().map(Plan::code).collect(Collectors.toSet()));
        if (query.createdFrom() != null && query.createdTo() != null && !query.createdFrom().isBefore(query.createdTo())) {
            throw new ManifestQueryException("createdFrom", "createdFrom must be before createdTo");
        }
        allowed("usage", query.usage(), Set.of(ManifestQuery.USAGE_APPROACHING, ManifestQuery.USAGE_OVER));
        if (query.inactiveDays() != null && (query.inactiveDays() < 1 || query.inactiveDays() > 3650)) {
            throw new ManifestQueryException("inactiveDays", "inactiveDays must be a whole number of days from 1 to 3650");
        }
        return new ManifestQuery(q, query.statuses(), query.subscriptions(), query.plans(), query.createdFrom(), query.createdTo(),
                query.sort(), query.size(), query.cursor(), query.usage(), query.inactiveDays());
    }

    private static void allowed(String parameter, Set<String> given, Set<String> known) {
        for (String value : given) {
            if (!known.contains(value)) {
                throw new ManifestQueryException(parameter, "Unknown " + parameter + " '" + value + "'; one of " + known.stream().sorted().toList());
            }
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    /**
     * Records that {@code by} exported the manifest under {@code filter} (an export lists owners'
     * e-mails across tenants, so the audit trail keeps who took one); in its own transaction, so a
     * listener that cannot record it refuses the export.
     */
    @Transactional
    public void exported(Actor by, String filter, String correlationId) {
        events.publishEvent(new ManifestExported(UUID.randomUUID(), by, filter, correlationId, Instant.now()));
    }
}
