package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Filters filters = Filters.of(query);
        List<ManifestReader.Row> rows = new ArrayList<>();
        for (ManifestWalk walk : walks(query)) {
            if (after != null && walk.rank() < after.rank()) {
                continue;
            }
            rows.addAll(reader.read(walk, filters.sql(), filters.params(), filters.within(), after, limit - rows.size()));
            if (rows.size() >= limit) {
                break;
            }
        }
        return rows;
    }

    /** Every match of {@code query} in its order (its size and cursor aside), one statement per walk, streamed. */
    void stream(ManifestQuery query, Consumer<ManifestEntry> each) {
        Filters filters = Filters.of(query);
        walks(query).forEach(walk -> reader.stream(walk, filters.sql(), filters.params(), filters.within(), each));
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
        if (query.q() == null) {
            return store.countUpTo(query, cap);
        }
        Filters filters = Filters.of(query);
        long counted = 0;
        for (ManifestWalk tier : text(query.q()).tiers()) {
            counted += reader.count(tier, filters.sql(), filters.params(), filters.within(), (int) (cap + 1 - counted));
            if (counted > cap) {
                break;
            }
        }
        return counted;
    }

    private ManifestText text(String q) {
        return ManifestText.of(q, jdbc.sql("SELECT manifest_fold(:q)").param("q", q).query(String.class).single());
    }

    /**
     * The filters of a query as one condition, and the one of them whose index in name order a walk reads instead of
     * the whole name index: the quota predicate of a usage filter (a partial index), else a status, subscription or
     * plan filter of one value, in that order (each has an index that leads with it and follows with the name); empty
     * when there is none. Only one: with two or three such filters in the walk's range, the planner answered the
     * range by combining their bitmaps and sorting (64 ms at 1M tenants for status, plan and subscription together)
     * where one index's walk, the others tested on its rows, fills a page from a few thousand entries.
     */
    private record Filters(String sql, Map<String, Object> params, String within) {

        static Filters of(ManifestQuery query) {
            StringBuilder sql = new StringBuilder("true");
            Map<String, Object> params = new LinkedHashMap<>();
            ManifestStore.where(query, sql, params);
            String within = ManifestStore.quotaPredicate(query);
            if (within.isEmpty()) {
                within = single(params, "status", query.statuses());
            }
            if (within.isEmpty()) {
                within = single(params, "subscription_status", query.subscriptions());
            }
            if (within.isEmpty()) {
                within = single(params, "plan", query.plans());
            }
            return new Filters(sql.toString(), params, within);
        }

        private static String single(Map<String, Object> params, String column, java.util.Set<String> values) {
            if (values.size() != 1) {
                return "";
            }
            params.put("only_" + column, values.iterator().next());
            return column + " = :only_" + column;
        }
    }
}
