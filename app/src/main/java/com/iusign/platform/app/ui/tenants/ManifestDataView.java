package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestPage;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Serves the grid's offset/limit requests from the manifest's keyset pages: it remembers the
 * cursor at the end of each page it fetched, so scrolling on asks only for the next page (no
 * OFFSET scan); a jump far ahead walks the pages in between once. Holds cursors, not rows, so a
 * UI session keeps only what the grid itself renders.
 */
final class ManifestDataView {

    static final int PAGE = 50;

    private final TenantManifest manifest;
    private final ManifestQuery query;
    private final List<@Nullable String> cursors = new ArrayList<>();
    private boolean exhausted;

    ManifestDataView(TenantManifest manifest, ManifestQuery query) {
        this.manifest = manifest;
        this.query = query;
        cursors.add(null);
    }

    Stream<ManifestEntry> fetch(int offset, int limit) {
        List<ManifestEntry> rows = new ArrayList<>();
        int page = offset / PAGE;
        int skip = offset % PAGE;
        while (rows.size() < limit) {
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

    private List<ManifestEntry> page(int index) {
        while (cursors.size() <= index) {
            if (exhausted) {
                return List.of();
            }
            fetchPage(cursors.size() - 1);
        }
        return fetchPage(index);
    }

    /** Fetches page {@code index} (its cursor is known) and learns the next page's cursor. */
    private List<ManifestEntry> fetchPage(int index) {
        ManifestPage page = manifest.search(query.withSize(PAGE).next(cursors.get(index)));
        if (index == cursors.size() - 1) {
            if (page.nextCursor() == null) {
                exhausted = true;
            } else {
                cursors.add(page.nextCursor());
            }
        }
        return page.items();
    }
}
