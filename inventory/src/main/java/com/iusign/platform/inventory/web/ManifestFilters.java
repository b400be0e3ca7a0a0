package com.iusign.platform.inventory.web;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestQueryException;
import com.iusign.platform.inventory.ManifestSort;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The manifest's query parameters, bound once for the search and the export. Every value arrives
 * as text so that a bad one is refused with a message naming its parameter.
 */
record ManifestFilters(@Nullable String q, @Nullable List<String> status, @Nullable List<String> subscription,
                       @Nullable List<String> plan, @Nullable String createdFrom, @Nullable String createdTo, @Nullable String sort,
                       @Nullable String size, @Nullable String cursor, @Nullable List<String> usage, @Nullable String inactiveDays) {

    private static final int DEFAULT_SIZE = 50;

    /** The query of one page; the page size of the request, or 50. */
    ManifestQuery query() {
        return query(size == null || size.isBlank() ? DEFAULT_SIZE : number("size", size,
                "size must be a whole number from 1 to " + ManifestQuery.MAX_SIZE), cursor);
    }

    /** The first page of a walk through every match (the export), in pages of {@code pageSize}. */
    ManifestQuery firstOfAll(int pageSize) {
        return query(pageSize, null);
    }

    private ManifestQuery query(int pageSize, @Nullable String from) {
        ManifestSort order;
        try {
            order = ManifestSort.fromParameter(sort == null || sort.isBlank() ? "name" : sort);
        } catch (IllegalArgumentException e) {
            throw new ManifestQueryException("sort", e.getMessage());
        }
        return new ManifestQuery(q, set(status), set(subscription), set(plan), instant("createdFrom", createdFrom),
                instant("createdTo", createdTo), order, pageSize, from == null || from.isBlank() ? null : from, set(usage),
                inactiveDays == null || inactiveDays.isBlank() ? null
                        : number("inactiveDays", inactiveDays.strip(), "inactiveDays must be a whole number of days from 1 to 3650"));
    }

    private static int number(String parameter, String value, String message) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ManifestQueryException(parameter, message);
        }
    }

    private static Set<String> set(@Nullable List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ManifestQueryException(parameter, parameter + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }
}
