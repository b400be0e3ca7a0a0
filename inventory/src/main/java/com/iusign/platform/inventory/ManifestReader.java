package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a {@link ManifestWalk} a page at a time, choosing the plan per page by what the page finds rather than by the
 * planner's estimate (issue 16). First the walk: the index in page order, at most {@link #WINDOW_PER_ROW} entries per
 * row still wanted, the filters applied as rows come — fast whenever matches are dense. A walk that fills its window
 * without filling the page has shown that matches are sparse there; the page is then read by its matches first (the
 * trigram, partial and filter indexes), sorted after — fast exactly because they are few.
 */
@Repository
class ManifestReader {

    static final int WINDOW_PER_ROW = 40;
    static final int MIN_WINDOW = 2_000;

    /** A row of a page: the entry (null when only ids were read), its id, the walk's rank and the row's key as a cursor holds it. */
    record Row(@Nullable ManifestEntry entry, UUID id, int rank, String key) {
    }

    private final JdbcClient jdbc;

    ManifestReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} rows of {@code walk} after {@code after} (its key and id, for this walk's rank) that pass
     * {@code filters}; {@code sparse} says the filters are known to be rare (read by their matches at once).
     */
    List<Row> read(ManifestWalk walk, String filters, Map<String, Object> filterParams, @Nullable ManifestCursor after,
                   int limit, boolean idsOnly, boolean sparse) {
        Map<String, Object> params = new HashMap<>(walk.params());
        params.putAll(filterParams);
        params.put("limit", limit);
        int window = Math.max(MIN_WINDOW, WINDOW_PER_ROW * limit);
        params.put("window", window);
        String keyset = keyset(walk, after, params);
        boolean everyRowCounts = "true".equals(walk.exclusions()) && "true".equals(filters);
        if (walk.indexed() && !sparse) {
            List<Row> walked = query(walkSql(walk, filters, keyset, idsOnly), params, walk, idsOnly);
            if (walked.size() >= limit || everyRowCounts || !windowFull(walk, keyset, params, window)) {
                return walked;
            }
        }
        return query(matchesFirstSql(walk, filters, keyset, idsOnly), params, walk, idsOnly);
    }

    private static String walkSql(ManifestWalk walk, String filters, String keyset, boolean idsOnly) {
        String direction = walk.descending() ? " DESC" : "";
        return "SELECT " + columns(idsOnly) + " FROM (SELECT tenant_manifest.*, " + walk.key() + " AS sort_key FROM " + walk.source()
                + " WHERE " + walk.range() + keyset + " ORDER BY " + walk.key() + direction + ", tenant_id" + direction
                + " LIMIT :window) m WHERE " + walk.exclusions().replace("{key}", "sort_key") + " AND " + filters
                + " ORDER BY sort_key" + direction + ", tenant_id" + direction + " LIMIT :limit";
    }

    /** The OFFSET 0 fence keeps the planner from turning the matches-first read back into a walk in order. */
    private static String matchesFirstSql(ManifestWalk walk, String filters, String keyset, boolean idsOnly) {
        String direction = walk.descending() ? " DESC" : "";
        return "SELECT " + columns(idsOnly) + " FROM (SELECT tenant_manifest.*, " + walk.key() + " AS sort_key FROM " + walk.source()
                + " WHERE " + walk.matches() + keyset + " AND " + walk.exclusions().replace("{key}", walk.key()) + " AND " + filters
                + " OFFSET 0) m ORDER BY sort_key" + direction + ", tenant_id" + direction + " LIMIT :limit";
    }

    private boolean windowFull(ManifestWalk walk, String keyset, Map<String, Object> params, int window) {
        String direction = walk.descending() ? " DESC" : "";
        long seen = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM " + walk.source() + " WHERE " + walk.range() + keyset
                + " ORDER BY " + walk.key() + direction + ", tenant_id" + direction + " LIMIT :window) w").params(params)
                .query(Long.class).single();
        return seen >= window;
    }

    private static String keyset(ManifestWalk walk, @Nullable ManifestCursor after, Map<String, Object> params) {
        if (after == null || after.rank() != walk.rank()) {
            return "";
        }
        params.put("afterId", after.id());
        params.put("afterKey", switch (walk.kind()) {
            case TEXT -> after.value();
            case TIME -> Timestamp.from(after.instant());
            case NUMBER -> Integer.parseInt(after.value());
        });
        return " AND (" + walk.key() + ", tenant_id) " + (walk.descending() ? "<" : ">") + " (:afterKey, :afterId)";
    }

    private static String columns(boolean idsOnly) {
        return idsOnly ? "tenant_id, sort_key" : ManifestStore.COLUMNS + ", sort_key";
    }

    private List<Row> query(String sql, Map<String, Object> params, ManifestWalk walk, boolean idsOnly) {
        return jdbc.sql(sql).params(params).query((row, n) -> new Row(idsOnly ? null : ManifestStore.entry(row, n),
                row.getObject("tenant_id", UUID.class), walk.rank(), key(row, walk.kind()))).list();
    }

    private static String key(ResultSet row, ManifestWalk.KeyKind kind) throws SQLException {
        return switch (kind) {
            case TEXT -> row.getString("sort_key");
            case NUMBER -> Integer.toString(row.getInt("sort_key"));
            case TIME -> {
                Instant at = row.getTimestamp("sort_key").toInstant();
                yield Long.toString(at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
            }
        };
    }
}
