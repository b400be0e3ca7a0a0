package com.iusign.platform.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset position of the last row of a page: the sort, the tier of a ranked text search ({@code rank}, 0
 * otherwise), the row's sort value and its id, opaque to callers. Anything else handed back is refused as a bad
 * {@code cursor}; a well-formed one only positions the page (the manifest holds nothing a SuperAdmin may not list).
 */
record ManifestCursor(ManifestSort sort, int rank, String value, UUID id) {

    private static final String VERSION = "m1";
    private static final String RANKED = "m2";

    ManifestCursor(ManifestSort sort, String value, UUID id) {
        this(sort, 0, value, id);
    }

    /** {@code sortKey} is the row's value of the sort as the query computed it (folded name, count). */
    static ManifestCursor after(ManifestSort sort, ManifestEntry last, String sortKey) {
        String value = switch (sort) {
            case NAME, ENVELOPES_THIS_MONTH, SEATS_USED -> sortKey;
            case CREATED -> Long.toString(micros(last.createdAt()));
            case STATUS_CHANGED -> Long.toString(micros(last.statusChangedAt()));
            case LAST_ACTIVITY -> Long.toString(micros(last.lastActivityAt() != null ? last.lastActivityAt() : last.createdAt()));
        };
        return new ManifestCursor(sort, value, last.id());
    }

    String encode() {
        String raw = (rank == 0 ? VERSION : RANKED + "\u001f" + rank) + "\u001f" + sort.name() + "\u001f" + value + "\u001f" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ManifestCursor decode(String cursor, ManifestSort expected) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u001f", -1);
            int rank = 0;
            if (parts.length == 5 && RANKED.equals(parts[0])) {
                rank = Integer.parseInt(parts[1]);
                if (rank < 1 || rank > 99) {
                    throw new IllegalArgumentException("rank");
                }
                parts = java.util.Arrays.copyOfRange(parts, 1, 5);
            } else if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("shape");
            }
            ManifestSort sort = ManifestSort.valueOf(parts[1]);
            if (sort != expected) {
                throw new ManifestQueryException("cursor", "This cursor belongs to another sort order; start again without it");
            }
            if (sort != ManifestSort.NAME) {
                Long.parseLong(parts[2]);
            }
            return new ManifestCursor(sort, rank, parts[2], UUID.fromString(parts[3]));
        } catch (ManifestQueryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ManifestQueryException("cursor", "Not a cursor this API returned; start again without it");
        }
    }

    Instant instant() {
        long micros = Long.parseLong(value);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    /** An instant as a cursor holds it: microseconds since the epoch, PostgreSQL's precision. */
    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
