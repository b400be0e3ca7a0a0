package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestPage;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Serves the grid's offset/limit requests from the manifest's keyset pages (no OFFSET scan).
 * It remembers the cursor that starts a page only sparsely — every {@value #CHECKPOINT_EVERY}th
 * page, plus those within {@value #RECENT} pages of the last one asked for — so a UI session holds a
 * bounded handful of cursors whatever the depth, and no rows at all (the grid keeps only what it
 * renders). A request for a page whose cursor was dropped walks forward from the nearest
 * checkpoint: at most {@value #CHECKPOINT_EVERY} - 1 extra keyset queries.
 */
final class ManifestDataView {

    static final int PAGE = 50;
    static final int CHECKPOINT_EVERY = 20;
    static final int RECENT = 8;

    private final TenantManifest manifest;
    private final ManifestQuery query;
    /** Page index → the cursor that starts it (page 0 starts with no cursor). */
    private final TreeMap<Integer, Optional<String>> starts = new TreeMap<>();
    /** The first page known not to exist, once the end was reached. */
    private int end = Integer.MAX_VALUE;
    private int requested;

    private final int pageSize;
    /** The first page, already read to decide between rows and the no-match message: served once instead of read again. */
    private @Nullable ManifestPage first;

    ManifestDataView(TenantManifest manifest, ManifestQuery query) {
        this(manifest, query, PAGE);
    }

    ManifestDataView(TenantManifest manifest, ManifestQuery query, int pageSize) {
        this.manifest = manifest;
        this.pageSize = pageSize;
        this.query = query.withSize(pageSize);
        starts.put(0, Optional.empty());
    }

    /** A view whose page 0 is {@code first} (read with this query and {@link #PAGE}), so the grid's first fetch costs no query. */
    static ManifestDataView startingWith(TenantManifest manifest, ManifestQuery query, ManifestPage first) {
        ManifestDataView view = new ManifestDataView(manifest, query, PAGE);
        view.first = first;
        return view;
    }

    Stream<ManifestEntry> fetch(int offset, int limit) {
        List<ManifestEntry> rows = new ArrayList<>();
        int page = offset / pageSize;
        int skip = offset % pageSize;
        while (rows.size() < limit && page < end) {
            List<ManifestEntry> items = page(page);
            if (items.isEmpty()) {
                break;
            }
            rows.addAll(items.subList(Math.min(skip, items.size()), items.size()));
            skip = 0;
            page++;
        }
        return rows.stream().limit(limit);
    }

    /** How many page cursors this view holds; bounded, whatever the depth scrolled to. */
    int cursorsHeld() {
        return starts.size();
    }

    private List<ManifestEntry> page(int index) {
        requested = index;
        Map.Entry<Integer, Optional<String>> from = starts.floorEntry(index);
        int at = from.getKey();
        @Nullable String cursor = from.getValue().orElse(null);
        while (true) {
            ManifestPage page = at == 0 && first != null ? first : manifest.search(query.next(cursor));
            if (at == 0) {
                first = null;
            }
            if (page.nextCursor() == null) {
                end = Math.min(end, at + 1);
            } else {
                remember(at + 1, page.nextCursor());
            }
            if (at == index || page.nextCursor() == null) {
                return at == index ? page.items() : List.of();
            }
            cursor = page.nextCursor();
            at++;
        }
    }

    private void remember(int index, String cursor) {
        starts.put(index, Optional.of(cursor));
        starts.keySet().removeIf(page -> page % CHECKPOINT_EVERY != 0 && Math.abs(page - requested) > RECENT);
    }
}
