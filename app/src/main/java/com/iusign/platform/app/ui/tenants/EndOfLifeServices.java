package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.audit.AuditExport;
import com.iusign.platform.retention.DestructionRecords;
import com.iusign.platform.retention.LegalHolds;
import com.iusign.platform.retention.TenantPurges;
import com.iusign.platform.security.TenantKeys;
import org.springframework.stereotype.Component;

/** What the tenant's keys, retention banner and audit export act through, as one bean for the tenant view. */
@Component
record EndOfLifeServices(TenantKeys keys, TenantPurges purges, LegalHolds holds, DestructionRecords records, AuditExport export) {
}
