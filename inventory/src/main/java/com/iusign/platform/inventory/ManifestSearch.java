package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A manifest search as walks (issue 16): without text, one walk of the sort's index; with text in name order, the
 * ranked tiers of {@link ManifestText} one after another until the page is full; with text in another order, one
 * walk of that order's index keeping the rows any tier matches. Each walk is read by {@link ManifestReader}.
 */
@Repository
class ManifestSearch {

    private final ManifestReader reader;
    private final ManifestStore store;
    private final JdbcClient jdbc;

    ManifestSearch(ManifestReader reader, ManifestStore store, JdbcClient jdbc) {
        this.reader = reader;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows after {@code after}, in the query's order: the walks in turn until the page is full. */
    List<ManifestReader.Row> page(ManifestQuery query, @Nullable ManifestCursor after, int limit) {
        plannedForTheirValues();
        WalkFilters filters = WalkFilters.of(query);
        List<ManifestReader.Row> rows = new ArrayList<>();
        for (ManifestWalk walk : walks(query)) {
            if (after != null && walk.rank() < after.rank()) {
                continue;
            }
            rows.addAll(reader.read(walk, filters, after, limit - rows.size()));
            if (rows.size() >= limit) {
                break;
            }
        }
        return rows;
    }

    /** Every match of {@code query} in its order (its size and cursor aside), one statement per walk, streamed. */
    void stream(ManifestQuery query, Consumer<ManifestEntry> each) {
        plannedForTheirValues();
        WalkFilters filters = WalkFilters.of(query);
        walks(query).forEach(walk -> reader.stream(walk, filters, each));
    }

    private List<ManifestWalk> walks(ManifestQuery query) {
        if (query.q() == null) {
            return ManifestWalk.of(query.sort());
        }
        ManifestText text = text(query.q());
        return query.sort() == ManifestSort.NAME ? text.tiers() : text.anyTier(query.sort());
    }

    /** How many tenants match, counting at most {@code cap + 1}: the tiers' rows one tier after another. */
    long countUpTo(ManifestQuery query, int cap) {
        plannedForTheirValues();
        if (query.q() == null) {
            return store.countUpTo(query, cap);
        }
        WalkFilters filters = WalkFilters.of(query);
        long counted = 0;
        for (ManifestWalk tier : text(query.q()).tiers()) {
            counted += reader.count(tier, filters, (int) (cap + 1 - counted));
            if (counted > cap) {
                break;
            }
        }
        return counted;
    }

    /**
     * Every statement of this transaction is planned for the values it is given. The driver prepares a statement on
     * the server from its fifth use, and PostgreSQL then plans it once for any values when that plan looks as cheap
     * on average: a fragment, a filter value and a name range each decide which index is right. At 1,000,000 tenants
     * (with an index of the status alone, tried and not kept) the plan for any values counted "acme b" among the
     * deactivated starters by testing it on each of the 99,904 deactivated tenants' entries (48 ms under EXPLAIN
     * ANALYZE; the count's p95 158 ms in a benchmark run), where the plan for these values starts from the fragment's
     * 10,224 trigram candidates (24-28 ms; p95 31 ms in the next run). The setting
     * ends with the transaction ({@link TenantManifest} reads in one), so no other statement on the pool's
     * connection is planned so.
     */
    private void plannedForTheirValues() {
        jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
    }

    private ManifestText text(String q) {
        return ManifestText.of(q, jdbc.sql("SELECT manifest_fold(:q)").param("q", q).query(String.class).single());
    }
}
