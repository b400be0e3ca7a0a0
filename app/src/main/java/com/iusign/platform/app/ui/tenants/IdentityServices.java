package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.identity.OwnerAssignments;
import com.iusign.platform.identity.RecoveryCases;
import com.iusign.platform.identity.RecoveryCoolingOff;
import com.iusign.platform.identity.RecoveryDomainProof;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.security.Approvals;
import org.springframework.stereotype.Component;

/** What the tenant's Identity tab acts through, as one bean, so the tenant view takes one dependency for the whole tab. */
@Component
record IdentityServices(TenantUsers users, OwnerAssignments assignments, Approvals approvals, RecoveryCases cases,
                        RecoveryCoolingOff coolingOff, RecoveryDomainProof domainProof) {
}
