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
     * The filters of a query as one condition, and what of them an index in name order can walk within: the quota
     * predicate of a usage filter, and a status, plan or subscription filter of one value (each has an index that
     * leads with it and follows with the name); empty when there is neither.
     */
    private record Filters(String sql, Map<String, Object> params, String within) {

        static Filters of(ManifestQuery query) {
            StringBuilder sql = new StringBuilder("true");
            Map<String, Object> params = new LinkedHashMap<>();
            ManifestStore.where(query, sql, params);
            List<String> within = new ArrayList<>();
            if (!ManifestStore.quotaPredicate(query).isEmpty()) {
                within.add(ManifestStore.quotaPredicate(query));
            }
            single(within, params, "status", query.statuses());
            single(within, params, "plan", query.plans());
            single(within, params, "subscription_status", query.subscriptions());
            return new Filters(sql.toString(), params, String.join(" AND ", within));
        }

        private static void single(List<String> within, Map<String, Object> params, String column, java.util.Set<String> values) {
            if (values.size() == 1) {
                within.add(column + " = :only_" + column);
                params.put("only_" + column, values.iterator().next());
            }
        }
    }
}
