package com.iusign.platform.retention;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalHandler;
import org.springframework.stereotype.Component;

/** Carries out an approved restore: the deactivated tenant becomes active again, in the approving transaction. */
@Component
class RestoreApproval implements ApprovalHandler {

    private final TenantPurges purges;

    RestoreApproval(TenantPurges purges) {
        this.purges = purges;
    }

    @Override
    public String kind() {
        return TenantPurges.RESTORE_KIND;
    }

    @Override
    public void approved(Approval approval, Change decision) {
        purges.approvedRestore(approval);
    }

    @Override
    public void closed(Approval approval, Change decision) {
        // A rejected restore leaves the tenant deactivated, its window unchanged.
    }
}
