package com.iusign.platform.retention;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalHandler;
import org.springframework.stereotype.Component;

/** Carries out an approved early purge: schedules it (the purge job does the work); nothing to release when closed. */
@Component
class PurgeApproval implements ApprovalHandler {

    private final TenantPurges purges;

    PurgeApproval(TenantPurges purges) {
        this.purges = purges;
    }

    @Override
    public String kind() {
        return TenantPurges.PURGE_KIND;
    }

    @Override
    public void approved(Approval approval, Change decision) {
        purges.approvedPurge(approval, decision);
    }

    @Override
    public void closed(Approval approval, Change decision) {
        // A rejected purge leaves the tenant in its retention window.
    }
}
