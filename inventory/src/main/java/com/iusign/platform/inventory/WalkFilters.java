package com.iusign.platform.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The filters of a manifest query as its walks apply them ({@link ManifestReader}).
 *
 * @param sql     every filter as one condition on a manifest row ("true" without any)
 * @param within  the one filter whose index in name order a walk reads instead of the whole name index: the quota
 *                predicate of a usage filter (a partial index), else a status, subscription or plan filter of one value,
 *                in that order (each has an index that leads with it and follows with the name); empty when there is
 *                none. Only one: with two or three such filters in the walk's range, the planner answered the range by
 *                combining their bitmaps and sorting (64 ms at 1M tenants for status, plan and subscription together)
 *                where one index's walk, the others tested on its rows, fills a page from a few thousand entries
 * @param columns the status, subscription and plan filters alone, which every word of a name carries too
 *                (tenant_manifest_word, inventory-014); "true" without them
 */
record WalkFilters(String sql, Map<String, Object> params, String within, String columns) {

    static final WalkFilters NONE = of("true", Map.of());

    static WalkFilters of(ManifestQuery query) {
        StringBuilder sql = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        ManifestStore.where(query, sql, params);
        StringBuilder columns = new StringBuilder("true");
        ManifestStore.columns(query, columns, new LinkedHashMap<>());
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
        return new WalkFilters(sql.toString(), params, within, columns.toString());
    }

    /** A condition on the row alone, which no index is known to hold (tests of the reader). */
    static WalkFilters of(String sql, Map<String, Object> params) {
        return new WalkFilters(sql, params, "", "true");
    }

    private static String single(Map<String, Object> params, String column, Set<String> values) {
        if (values.size() != 1) {
            return "";
        }
        params.put("only_" + column, values.iterator().next());
        return column + " = :only_" + column;
    }
}
