package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link ManifestWalk} a page at a time, choosing the plan per page by what the page finds rather than by the
 * planner's estimate (issue 16). First the walk: the index in page order, at most {@link #WINDOW_PER_ROW} entries per
 * row still wanted, the filters applied as rows come — fast whenever matches are dense. A walk that fills its window
 * without filling the page has shown that matches are sparse there; the page is then read by its matches first (the
 * trigram, partial and filter indexes), sorted after — fast exactly because they are few.
 */
@Repository
class ManifestReader {

    private static final String COLUMNS = ManifestStore.COLUMNS + ", sort_key";
    static final int WINDOW_PER_ROW = 40;
    static final int MIN_WINDOW = 2_000;
    /** A matches-first read sorts its matches: beyond this many (the planner's estimate) a longer walk is cheaper. */
    static final long MATCHES_TO_SORT = 20_000;
    static final int FURTHER = 50;
    /** Rows an export fetches at a time: a few megabytes held at once, whatever the export's size. */
    static final int FETCH = 5_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": (\\d+)");

    /** A row of a page: the entry, its id, the walk's rank and the row's key as a cursor holds it. */
    record Row(ManifestEntry entry, UUID id, int rank, String key) {
    }

    /** While set (by {@link #explaining}), every statement is also explained into it. */
    private final ThreadLocal<List<String>> plans = new ThreadLocal<>();
    private final JdbcClient jdbc;

    private final long matchesToSort;
    private final int countWindow;

    @Autowired
    ManifestReader(JdbcClient jdbc) {
        this(jdbc, MATCHES_TO_SORT);
    }

    /** {@code matchesToSort}: 0 walks whenever a walk is possible, {@code Long.MAX_VALUE} reads matches first (tests of both plans). */
    ManifestReader(JdbcClient jdbc, long matchesToSort) {
        this(jdbc, matchesToSort, MIN_WINDOW);
    }

    /** {@code countWindow}: the least window of rows a dense fragment's count reads as the table lies (a test's: all of it). */
    ManifestReader(JdbcClient jdbc, long matchesToSort, int countWindow) {
        this.matchesToSort = matchesToSort;
        this.countWindow = countWindow;
        this.jdbc = jdbc;
    }

    /**
     * Every row of {@code walk} that passes {@code filters}, in order, handed to {@code each} as it is fetched: through a
     * cursor (inside the caller's transaction), {@link #FETCH} rows at a time. A cursor, because PostgreSQL plans a
     * cursor's statement for its first rows ({@code cursor_tuple_fraction}): the suspended tenants in name order come
     * from the status index in order, the first at once, so the database and the writer work side by side. The same
     * statement run whole with a fetch size was planned for its last row: a scan of the table and a sort of the
     * 99,801 rows to disk before the first (425-470 ms at 1,000,000 tenants, against 349 ms for the whole index scan).
     */
    void stream(ManifestWalk walk, WalkFilters filters, Consumer<ManifestEntry> each) {
        Map<String, Object> params = new HashMap<>(walk.params());
        params.putAll(filters.params());
        String within = filters.within();
        String direction = walk.descending() ? " DESC" : "";
        String sql = "SELECT " + COLUMNS + " FROM (SELECT tenant_manifest.*, " + walk.key() + " AS sort_key FROM " + walk.source()
                + " WHERE " + walk.matches() + " AND " + walk.exclusions().replace("{key}", walk.key()) + " AND " + filters.sql()
                + (within.isEmpty() ? "" : " AND " + within) + ") m ORDER BY sort_key" + direction + ", tenant_id" + direction;
        jdbc.sql("DECLARE manifest_export NO SCROLL CURSOR FOR " + sql).params(params).update();
        List<ManifestEntry> fetched;
        do {
            fetched = jdbc.sql("FETCH " + FETCH + " FROM manifest_export").query(ManifestStore::entry).list();
            fetched.forEach(each);
        } while (fetched.size() == FETCH);
        jdbc.sql("CLOSE manifest_export").update();
    }

    /**
     * Up to {@code limit} rows of {@code walk} after {@code after} (its key and id, for this walk's rank) that pass
     * {@code where}; what of them an index in name order holds ({@link WalkFilters#within}) is walked instead of the whole
     * name index.
     */
    List<Row> read(ManifestWalk walk, WalkFilters where, @Nullable ManifestCursor after, int limit) {
        String filters = where.sql();
        String within = where.within();
        if (!within.isEmpty() && ManifestWalk.NAME_KEY.equals(walk.key())) {
            walk = walk.within(within);
        }
        Map<String, Object> params = new HashMap<>(walk.params());
        params.putAll(where.params());
        params.put("limit", limit);
        int window = Math.max(MIN_WINDOW, WINDOW_PER_ROW * limit);
        params.put("window", window);
        String keyset = keyset(walk, after, params);
        boolean everyRowCounts = "true".equals(walk.exclusions()) && "true".equals(filters);
        // A walk of the whole index for narrower matches (a fragment anywhere) asks the planner first: few matches are
        // read by them at once, without a window that would find nothing.
        boolean whole = walk.narrow() || ("true".equals(walk.range()) && !"true".equals(walk.matches()));
        long expected = whole ? estimatedMatches(walk, filters, keyset, params) : -1;
        if (walk.indexed() && !(whole && expected <= matchesToSort)) {
            List<Row> walked = query("walk, rank " + walk.rank(), walkSql(walk, filters, keyset), params, walk);
            if (walked.size() >= limit || everyRowCounts || !windowFull(walk, keyset, params, window)) {
                return walked;
            }
            // Sparse here, but perhaps not everywhere (rows of a status can cluster in name order): when the planner
            // expects more matches than a sort should take, walk on further before reading by matches.
            if ((whole ? expected : estimatedMatches(walk, filters, keyset, params)) > matchesToSort) {
                params.put("window", window * FURTHER);
                walked = query("walk further, rank " + walk.rank(), walkSql(walk, filters, keyset), params, walk);
                if (walked.size() >= limit || !windowFull(walk, keyset, params, window * FURTHER)) {
                    return walked;
                }
            }
        }
        return query("matches first, rank " + walk.rank(), matchesFirstSql(walk, filters, keyset), params, walk);
    }

    /**
     * How many rows of {@code walk} pass {@code filters}, at most {@code limit}: no order is needed, so the statement is
     * the walk's matches with a limit, and the planner starts from whichever index finds them soonest.
     */
    long count(ManifestWalk walk, WalkFilters where, int limit) {
        String filters = where.sql();
        String within = where.within();
        Map<String, Object> params = new HashMap<>(walk.params());
        params.putAll(where.params());
        params.put("limit", limit);
        String rest = walk.exclusions().replace("{key}", walk.key()) + " AND " + filters + (within.isEmpty() ? "" : " AND " + within)
                + (inNameOrder(walk, within) ? " ORDER BY " + walk.key() : "") + " LIMIT :limit) c";
        if (walk.narrow() && estimatedMatches(walk, filters, "", params) > matchesToSort) {
            // A fragment in many names: a count needs no order, so its first matches come soonest from the table as it
            // lies, the fragment tested on each row of a window of rows, where the trigram index reads every candidate
            // first (22 ms for "rban" at 1,000,000 tenants). Not from the name index: names cluster by their first words,
            // and "rban" is in none of the 433,363 names of the "Acme …" block that comes first at 10,000,000 tenants
            // (76 ms). A count that does not reach its cap inside the window is counted again below.
            params.put("window", Math.max(countWindow, WINDOW_PER_ROW * limit));
            String walked = "SELECT count(*) FROM (SELECT 1 FROM (SELECT * FROM " + ManifestWalk.TABLE + " LIMIT :window) " + ManifestWalk.TABLE
                    + " WHERE " + walk.matches() + " AND " + rest;
            explain("count by window, rank " + walk.rank(), walked, params);
            long counted = jdbc.sql(walked).params(params).query(Long.class).single();
            if (counted >= limit) {
                return counted;
            }
        }
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + countSource(walk, where) + " WHERE " + walk.matches() + " AND " + rest;
        explain("count, rank " + walk.rank(), sql, params);
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /**
     * Whether a count of {@code walk} reads in name order, as its page does: a name range with a filter that an index in
     * name order holds. That index then yields exactly the rows counted; left unordered, the planner counted
     * "k" names over a quota by a sequential scan at 10,000,000 tenants (667,317 rows read for 1,001: 100 ms), having
     * taken the quota predicate's selectivity for independent of the name.
     */
    private static boolean inNameOrder(ManifestWalk walk, String within) {
        return !within.isEmpty() && ManifestWalk.TABLE.equals(walk.source()) && ManifestWalk.NAME_KEY.equals(walk.key()) && !walk.narrow()
                && !"true".equals(walk.range());
    }

    /**
     * Where a count reads {@code walk}'s rows. A word tier's tenants are looked up by id for each word of its range in
     * turn (the {@code OFFSET 0} keeps the lookup from being flattened into a join): joined as tables, the planner
     * hashed every word of the range against a scan of the manifest — 23 ms for "zurich", 92 ms for "ban" with a
     * subscription filter at 1,000,000 tenants — for a count that stops at the cap. The status, subscription and plan
     * filters are tested on the word index itself, which carries them (inventory-014), so that only the rows of the
     * words they keep are looked up: for "ban" with one subscription of six, 1,000 lookups instead of 6,000. So, too, a
     * slug tier's, on the slug index (inventory-015): "acme-" deactivated on the starter plan at 1,000,000 tenants had
     * been counted from two bitmaps of 50,214 and 99,904 entries, 23 ms.
     */
    private static String countSource(ManifestWalk walk, WalkFilters where) {
        if (ManifestWalk.WORDS.equals(walk.source())) {
            return "(SELECT tail, tenant_id FROM tenant_manifest_word WHERE " + where.columns() + ") w " + rowsOf("w");
        }
        if (ManifestWalk.SLUG_KEY.equals(walk.key()) && !"true".equals(where.columns())) {
            return "(SELECT tenant_id FROM tenant_manifest WHERE " + walk.range() + " AND " + where.columns() + ") s " + rowsOf("s");
        }
        return walk.source();
    }

    /** The manifest rows of the tenants {@code alias} yields, each read by id on its own. */
    private static String rowsOf(String alias) {
        return "JOIN LATERAL (SELECT * FROM tenant_manifest m WHERE m.tenant_id = " + alias + ".tenant_id OFFSET 0) tenant_manifest USING (tenant_id)";
    }

    private static String walkSql(ManifestWalk walk, String filters, String keyset) {
        String direction = walk.descending() ? " DESC" : "";
        if (walk.narrow()) {
            return "SELECT " + COLUMNS + " FROM " + narrowWindow(walk, keyset) + " WHERE " + walk.exclusions().replace("{key}", "sort_key")
                    + " AND " + filters + " ORDER BY sort_key" + direction + ", tenant_id" + direction + " LIMIT :limit";
        }
        return "SELECT " + COLUMNS + " FROM (SELECT tenant_manifest.*, " + walk.key() + " AS sort_key FROM " + walk.source()
                + " WHERE " + walk.range() + keyset + " ORDER BY " + walk.key() + direction + ", tenant_id" + direction
                + " LIMIT :window) m WHERE " + walk.exclusions().replace("{key}", "sort_key") + " AND " + filters
                + " ORDER BY sort_key" + direction + ", tenant_id" + direction + " LIMIT :limit";
    }

    /**
     * A narrow walk's window: the ids and keys of the next {@code :window} entries of its index within its range (tested
     * on the index alone), joined to their rows.
     */
    private static String narrowWindow(ManifestWalk walk, String keyset) {
        String direction = walk.descending() ? " DESC" : "";
        return "(SELECT tenant_id, " + walk.key() + " AS sort_key FROM " + walk.source() + " WHERE " + walk.range() + keyset
                + " ORDER BY " + walk.key() + direction + ", tenant_id" + direction + " LIMIT :window) w JOIN tenant_manifest USING (tenant_id)";
    }

    /** The OFFSET 0 fence keeps the planner from turning the matches-first read back into a walk in order. */
    private static String matchesFirstSql(ManifestWalk walk, String filters, String keyset) {
        String direction = walk.descending() ? " DESC" : "";
        return "SELECT " + COLUMNS + " FROM (SELECT tenant_manifest.*, " + walk.key() + " AS sort_key FROM " + walk.source()
                + " WHERE " + walk.matches() + keyset + " AND " + walk.exclusions().replace("{key}", walk.key()) + " AND " + filters
                + " OFFSET 0) m ORDER BY sort_key" + direction + ", tenant_id" + direction + " LIMIT :limit";
    }

    private long estimatedMatches(ManifestWalk walk, String filters, String keyset, Map<String, Object> params) {
        // The tiers' exclusions are left out: the planner takes each NOT … as selective, and they exclude next to nothing.
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + walk.source() + " WHERE " + walk.matches() + keyset + " AND "
                + filters).params(params).query(String.class).single();
        Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Long.parseLong(rows.group(1)) : Long.MAX_VALUE;
    }

    private boolean windowFull(ManifestWalk walk, String keyset, Map<String, Object> params, int window) {
        String direction = walk.descending() ? " DESC" : "";
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + walk.source() + " WHERE " + walk.range() + keyset
                + " ORDER BY " + walk.key() + direction + ", tenant_id" + direction + " LIMIT :window) w";
        explain("window probe, rank " + walk.rank(), sql, params);
        return jdbc.sql(sql).params(params).query(Long.class).single() >= window;
    }

    /** Runs {@code search} and returns the plan (EXPLAIN ANALYZE) of every statement it ran, in order. */
    List<String> explaining(Runnable search) {
        plans.set(new java.util.ArrayList<>());
        try {
            search.run();
            return List.copyOf(plans.get());
        } finally {
            plans.remove();
        }
    }

    private void explain(String label, String sql, Map<String, Object> params) {
        List<String> into = plans.get();
        if (into != null) {
            into.add("-- " + label + "\n" + String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " + sql)
                    .params(params).query(String.class).list()));
        }
    }

    private static String keyset(ManifestWalk walk, @Nullable ManifestCursor after, Map<String, Object> params) {
        if (after == null || after.rank() != walk.rank()) {
            return "";
        }
        params.put("afterId", after.id());
        if (walk.kind() == ManifestWalk.KeyKind.ID) {
            return " AND tenant_id " + (walk.descending() ? "<" : ">") + " :afterId";
        }
        params.put("afterKey", switch (walk.kind()) {
            case TEXT -> after.value();
            case TIME -> Timestamp.from(after.instant());
            case NUMBER -> Integer.parseInt(after.value());
            case ID -> throw new IllegalStateException("keyed by the id alone");
        });
        return " AND (" + walk.key() + ", tenant_id) " + (walk.descending() ? "<" : ">") + " (:afterKey, :afterId)";
    }


    private List<Row> query(String label, String sql, Map<String, Object> params, ManifestWalk walk) {
        explain(label, sql, params);
        return jdbc.sql(sql).params(params).query((row, n) -> new Row(ManifestStore.entry(row, n),
                row.getObject("tenant_id", UUID.class), walk.rank(), key(row, walk.kind()))).list();
    }

    private static String key(ResultSet row, ManifestWalk.KeyKind kind) throws SQLException {
        return switch (kind) {
            case TEXT -> row.getString("sort_key");
            case ID -> "0";
            case NUMBER -> Integer.toString(row.getInt("sort_key"));
            case TIME -> Long.toString(ManifestCursor.micros(row.getTimestamp("sort_key").toInstant()));
        };
    }
}
