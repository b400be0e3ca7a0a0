package com.iusign.platform.inventory;

import java.util.Map;

/**
 * One ordered read of the manifest: the rows of {@code source} within {@code range} in {@code key} order (then the
 * tenant id), of which only those passing {@code exclusions} count. {@code range} and {@code key} match an index, so
 * the rows come in page order from an index walk; {@code matches} is the condition to read them by when the walk
 * turns out sparse (see {@link ManifestReader}). {@code {key}} in {@code exclusions} stands for the row's key.
 *
 * @param rank the tier of a ranked text search (its place in the cursor), 0 for every other read
 */
record ManifestWalk(int rank, String source, String key, boolean descending, KeyKind kind, String range, String exclusions,
                    String matches, Map<String, Object> params, boolean indexed) {

    static final String TABLE = "tenant_manifest";
    static final String WORDS = "tenant_manifest_word w JOIN tenant_manifest USING (tenant_id)";

    /** How a key travels in a cursor. */
    enum KeyKind { TEXT, TIME, NUMBER }

    /** Every row of the manifest in the order of {@code sort}, by its index (none for envelopes this month). */
    static ManifestWalk all(ManifestSort sort) {
        return switch (sort) {
            case NAME -> new ManifestWalk(0, TABLE, "name_folded COLLATE \"C\"", false, KeyKind.TEXT, "true", "true", "true", Map.of(), true);
            case CREATED -> byTime("created_at");
            case STATUS_CHANGED -> byTime("status_changed_at");
            case LAST_ACTIVITY -> byTime("coalesce(last_activity_at, created_at)");
            case SEATS_USED -> new ManifestWalk(0, TABLE, "seats_used", true, KeyKind.NUMBER, "true", "true", "true", Map.of(), true);
            case ENVELOPES_THIS_MONTH -> new ManifestWalk(0, TABLE, ManifestStore.MONTH_USED, true, KeyKind.NUMBER, "true", "true", "true",
                    Map.of(), false);
        };
    }

    /** The same walk, counting only rows that also pass {@code condition}, read by {@code matches} when sparse. */
    ManifestWalk where(String condition, String matchesInstead, Map<String, Object> moreParams) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.putAll(moreParams);
        return new ManifestWalk(rank, source, key, descending, kind, range, condition, matchesInstead, all, indexed);
    }

    private static ManifestWalk byTime(String key) {
        return new ManifestWalk(0, TABLE, key, true, KeyKind.TIME, "true", "true", "true", Map.of(), true);
    }
}
