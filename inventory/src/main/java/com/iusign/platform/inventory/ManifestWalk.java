package com.iusign.platform.inventory;

import java.util.List;
import java.util.Map;

/**
 * One ordered read of the manifest: the rows of {@code source} within {@code range} in {@code key} order (then the
 * tenant id), of which only those passing {@code exclusions} count. {@code range} and {@code key} match an index, so
 * the rows come in page order from an index walk; {@code matches} is the condition to read them by when the walk
 * turns out sparse (see {@link ManifestReader}). {@code {key}} in {@code exclusions} stands for the row's key.
 *
 * @param rank   the tier of a ranked text search (its place in the cursor), 0 for every other read
 * @param narrow the range is tested on the index alone (an index-only walk of key and id; the rows are joined only for
 *               the window's matches)
 */
record ManifestWalk(int rank, String source, String key, boolean descending, KeyKind kind, String range, String exclusions,
                    String matches, Map<String, Object> params, boolean indexed, boolean narrow) {

    static final String TABLE = "tenant_manifest";
    /** Only the word's own columns: the filters it carries too (inventory-014) would be ambiguous with the row's. */
    static final String WORDS = "(SELECT tail, tenant_id FROM tenant_manifest_word) w JOIN tenant_manifest USING (tenant_id)";
    /** The folded name, a column in the "C" collation (inventory-010): its order is code point order, a prefix a range. */
    static final String NAME_KEY = "name_folded";
    /** The slug in the "C" collation: its index also carries the status, plan and subscription (inventory-015). */
    static final String SLUG_KEY = "slug COLLATE \"C\"";

    /** How a key travels in a cursor; {@code ID}: the walk is in tenant id order alone. */
    enum KeyKind { TEXT, TIME, NUMBER, ID }

    /** This month's envelopes as the manifest counts them: the announced month must be the current one. */
    private static final String THIS_MONTH = "date_trunc('month', now() AT TIME ZONE 'UTC')::date";

    /**
     * Every row of the manifest in the order of {@code sort}, by its index. Envelopes this month are two walks: the
     * tenants that sent some this month by their count, then every other tenant (a count of 0) by id.
     */
    static List<ManifestWalk> of(ManifestSort sort) {
        return switch (sort) {
            case NAME -> List.of(new ManifestWalk(0, TABLE, NAME_KEY, false, KeyKind.TEXT, "true", "true", "true", Map.of(), true, false));
            case CREATED -> List.of(byTime("created_at"));
            case STATUS_CHANGED -> List.of(byTime("status_changed_at"));
            case LAST_ACTIVITY -> List.of(byTime("coalesce(last_activity_at, created_at)"));
            case SEATS_USED -> List.of(new ManifestWalk(0, TABLE, "seats_used", true, KeyKind.NUMBER, "true", "true", "true", Map.of(), true, false));
            case ENVELOPES_THIS_MONTH -> {
                String sent = "usage_month = " + THIS_MONTH + " AND envelopes_this_month > 0";
                String none = "NOT coalesce(" + sent + ", false)";
                yield List.of(new ManifestWalk(1, TABLE, "envelopes_this_month", true, KeyKind.NUMBER, sent, "true", sent, Map.of(), true, false),
                        new ManifestWalk(2, TABLE, "tenant_id", true, KeyKind.ID, none, "true", none, Map.of(), true, false));
            }
        };
    }

    /** Whether pages of {@code sort} come from several walks in turn (a cursor then carries the walk's rank). */
    static boolean ranked(ManifestSort sort, boolean text) {
        return of(sort).size() > 1 || (text && sort == ManifestSort.NAME);
    }

    /** The same walk, counting only rows that also pass {@code condition}, read by {@code matches} too when sparse. */
    ManifestWalk where(String condition, String alsoMatching, Map<String, Object> moreParams) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.putAll(moreParams);
        return new ManifestWalk(rank, source, key, descending, kind, range, exclusions + " AND " + condition,
                matches + " AND " + alsoMatching, all, indexed, narrow);
    }

    /** The same walk over only the rows of {@code condition} (the predicate of a partial index in the walk's order). */
    ManifestWalk within(String condition) {
        return new ManifestWalk(rank, source, key, descending, kind, range + " AND " + condition, exclusions, matches, params, indexed, narrow);
    }

    private static ManifestWalk byTime(String key) {
        return new ManifestWalk(0, TABLE, key, true, KeyKind.TIME, "true", "true", "true", Map.of(), true, false);
    }
}
