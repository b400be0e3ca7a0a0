package com.iusign.platform.lifecycle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The lifecycle module's façade: the verbs that govern the tenant record. Provisioning and
 * status transitions arrive with the lifecycle issue; until then it answers what exists.
 */
@Service
@Transactional(readOnly = true)
public class TenantLifecycle {

    private final TenantRecords records;

    TenantLifecycle(TenantRecords records) {
        this.records = records;
    }

    /** Number of tenants that were provisioned and not yet purged. */
    public long countTenants() {
        return records.count();
    }

    /**
     * Tenants ordered by name, at most {@code limit} of them.
     *
     * @throws IllegalArgumentException when {@code limit} is not within 1..1000
     */
    public List<TenantSummary> listTenants(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
        }
        return records.firstByName(limit);
    }
}
