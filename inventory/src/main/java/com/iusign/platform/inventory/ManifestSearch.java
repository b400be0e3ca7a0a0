package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Up to {@code limit} rows after {@code after}, in the query's order. */
    List<ManifestReader.Row> page(ManifestQuery query, @Nullable ManifestCursor after, int limit) {
        Filters filters = Filters.of(query);
        if (query.q() == null) {
            return reader.read(ManifestWalk.all(query.sort()), filters.sql(), filters.params(), after, limit, false, filters.sparse());
        }
        ManifestText text = text(query.q());
        if (query.sort() != ManifestSort.NAME) {
            return reader.read(text.anyTier(query.sort()), filters.sql(), filters.params(), after, limit, false, filters.sparse());
        }
        List<ManifestReader.Row> rows = new ArrayList<>();
        for (ManifestWalk tier : text.tiers()) {
            if (after != null && tier.rank() < after.rank()) {
                continue;
            }
            rows.addAll(reader.read(tier, filters.sql(), filters.params(), after, limit - rows.size(), false, filters.sparse()));
            if (rows.size() >= limit) {
                break;
            }
        }
        return rows;
    }

    /** How many tenants match, counting at most {@code cap + 1}: the tiers' rows one tier after another. */
    long countUpTo(ManifestQuery query, int cap) {
        if (query.q() == null) {
            return store.countUpTo(query, cap);
        }
        Filters filters = Filters.of(query);
        long counted = 0;
        for (ManifestWalk tier : text(query.q()).tiers()) {
            counted += reader.read(tier, filters.sql(), filters.params(), null, (int) (cap + 1 - counted), true, filters.sparse()).size();
            if (counted > cap) {
                break;
            }
        }
        return counted;
    }

    private ManifestText text(String q) {
        return ManifestText.of(q, jdbc.sql("SELECT manifest_fold(:q)").param("q", q).query(String.class).single());
    }

    /** The filters of a query as one condition; {@code sparse} when a usage filter keeps only the few rows near a quota. */
    private record Filters(String sql, Map<String, Object> params, boolean sparse) {

        static Filters of(ManifestQuery query) {
            StringBuilder sql = new StringBuilder("true");
            Map<String, Object> params = new LinkedHashMap<>();
            ManifestStore.where(query, sql, params);
            return new Filters(sql.toString(), params, !query.usage().isEmpty());
        }
    }
}
