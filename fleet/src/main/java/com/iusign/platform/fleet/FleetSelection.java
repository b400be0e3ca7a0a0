package com.iusign.platform.fleet;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.kernel.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * Which tenants a fleet action reaches: chosen ones, or every tenant a manifest filter matches when
 * the selection is resolved. {@code description} is what the job records and shows ("3 chosen
 * tenants", "every tenant matching q=acme").
 */
public record FleetSelection(List<TenantId> tenantIds, @Nullable ManifestQuery filter, String description) {

    public static FleetSelection of(List<TenantId> tenantIds) {
        return new FleetSelection(List.copyOf(tenantIds), null, tenantIds.size() + " chosen tenant" + (tenantIds.size() == 1 ? "" : "s"));
    }

    public static FleetSelection matching(ManifestQuery filter, String description) {
        return new FleetSelection(List.of(), filter, "every tenant matching " + description);
    }
}
