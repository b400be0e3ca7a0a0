package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
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

    private final JdbcClient jdbc;
    private final TenantRecords records;

    TenantHistoryImport(JdbcClient jdbc, TenantRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** @throws InvalidInput naming {@code createdAt} for an instant in the future */
    @Transactional
    public void provisionedAt(TenantId id, Instant createdAt) {
        if (createdAt.isAfter(Instant.now())) {
            throw InvalidInput.of("createdAt", "A tenant cannot have been created in the future");
        }
        records.find(id).orElseThrow(() -> new NotFound("No tenant " + id.value()));
        Timestamp at = Timestamp.from(createdAt);
        // A tenant never changed since provisioning has its status and last change dated with it too. The new version keeps a
        // read model's delivery of the tenant as it was before (still under way) from overwriting it as it is now.
        jdbc.sql("""
                UPDATE tenant SET created_at = :at,
                       status_changed_at = CASE WHEN EXISTS (SELECT 1 FROM tenant_status_history h WHERE h.tenant_id = tenant.id
                                                              AND h.from_status IS NOT NULL) THEN status_changed_at ELSE :at END,
                       updated_at = CASE WHEN version = 0 THEN :at ELSE updated_at END, version = version + 1
                 WHERE id = :id""").param("at", at).param("id", id.value()).update();
        jdbc.sql("UPDATE tenant_status_history SET changed_at = :at WHERE tenant_id = :id AND from_status IS NULL")
                .param("at", at).param("id", id.value()).update();
    }
}
