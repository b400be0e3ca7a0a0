package com.iusign.platform.inventory;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * A manifest search: {@code q} is matched as a tenant id prefix, an exact slug or custom domain,
 * or a name substring (case- and accent-insensitive); the filters combine with AND; pages follow
 * {@code cursor} (from the previous page) in {@code sort} order.
 */
public record ManifestQuery(@Nullable String q, Set<String> statuses, Set<String> subscriptions, Set<String> plans,
                            @Nullable Instant createdFrom, @Nullable Instant createdTo, ManifestSort sort, int size,
                            @Nullable String cursor, Set<String> usage, @Nullable Integer inactiveDays) {

    public static final int MAX_SIZE = 200;
    /** {@code usage} values: at or over a seat or monthly envelope quota, or at {@link #APPROACHING_SHARE} of one but not over. */
    public static final String USAGE_OVER = "OVER";
    public static final String USAGE_APPROACHING = "APPROACHING";
    public static final double APPROACHING_SHARE = 0.8;

    /** A query without usage filters. */
    public ManifestQuery(@Nullable String q, Set<String> statuses, Set<String> subscriptions, Set<String> plans,
                         @Nullable Instant createdFrom, @Nullable Instant createdTo, ManifestSort sort, int size, @Nullable String cursor) {
        this(q, statuses, subscriptions, plans, createdFrom, createdTo, sort, size, cursor, Set.of(), null);
    }
    public static final int MAX_QUERY_LENGTH = 200;

    public static ManifestQuery all(int size) {
        return new ManifestQuery(null, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME, size, null);
    }

    /** The same search with another page size, from the first page. */
    public ManifestQuery withSize(int newSize) {
        return new ManifestQuery(q, statuses, subscriptions, plans, createdFrom, createdTo, sort, newSize, null, usage, inactiveDays);
    }

    public ManifestQuery next(@Nullable String nextCursor) {
        return new ManifestQuery(q, statuses, subscriptions, plans, createdFrom, createdTo, sort, size, nextCursor, usage, inactiveDays);
    }
}
