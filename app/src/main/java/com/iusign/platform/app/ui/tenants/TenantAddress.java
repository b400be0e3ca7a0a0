package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.inventory.ManifestEntry;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.NotFound;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** What {@code /tenants/{id}} accepts: a full tenant id, or the short prefix the grid shows when it names exactly one tenant. */
final class TenantAddress {

    private TenantAddress() {
    }

    /**
     * @throws IllegalArgumentException for text that is neither an id nor a prefix of at least 8 hex digits (as the grid shows)
     * @throws NotFound when no tenant, or more than one, has an id starting with the prefix
     */
    static UUID resolve(TenantManifest manifest, String parameter) {
        if (parameter.length() == 36) {
            return UUID.fromString(parameter);
        }
        String prefix = parameter.toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f-]{8,35}")) {
            throw new IllegalArgumentException("Not a tenant id or id prefix: " + parameter);
        }
        // The manifest's identifier tier finds id prefixes first (issue 16); three rows tell "one" from "several".
        List<ManifestEntry> matches = manifest.search(new ManifestQuery(prefix, Set.of(), Set.of(), Set.of(), null, null, ManifestSort.NAME,
                3, null)).items().stream().filter(entry -> entry.id().toString().startsWith(prefix)).toList();
        if (matches.size() != 1) {
            throw new NotFound(matches.isEmpty() ? "No tenant id starts with " + prefix : "More than one tenant id starts with " + prefix);
        }
        return matches.getFirst().id();
    }
}
