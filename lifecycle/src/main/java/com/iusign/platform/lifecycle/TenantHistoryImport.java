package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Dates a tenant's provisioning in the past, for history that happened before this platform
 * recorded it: the demo fleet's two years, or tenants migrated from another system. It moves only
 * the creation instant and the provisioning entry of the status history — the audit trail keeps
 * the real instant the tenant was written, and its provisioning reason should say what the date
 * stands for. A tenant changed since it was provisioned keeps its later history as it is.
 */
@Service
public class TenantHistoryImport {

    private final TenantRecords records;

    TenantHistoryImport(TenantRecords records) {
        this.records = records;
    }

    /** @throws InvalidInput naming {@code createdAt} for an instant in the future */
    @Transactional
    public void provisionedAt(TenantId id, Instant createdAt) {
        if (createdAt.isAfter(Instant.now())) {
            throw InvalidInput.of("createdAt", "A tenant cannot have been created in the future");
        }
        records.find(id).orElseThrow(() -> new NotFound("No tenant " + id.value()));
        records.dateProvisioning(id, createdAt);
    }
}
