package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalHandler;
import com.iusign.platform.security.Approvals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ending a recovery case's cooling-off early takes four eyes: one SuperAdmin asks, a second
 * approves ({@link Approvals}); on approval the window ends and the case can be completed.
 */
@Service
@Transactional
public class RecoveryCoolingOff implements ApprovalHandler {

    static final String KIND = "recovery-cooling-off";

    private final RecoveryCases cases;
    private final Approvals approvals;

    RecoveryCoolingOff(RecoveryCases cases, Approvals approvals) {
        this.cases = cases;
        this.approvals = approvals;
    }

    /** Asks a second SuperAdmin to end the case's cooling-off now. */
    public Approval requestEarlyEnd(TenantId tenantId, java.util.UUID caseId, Change change) {
        RecoveryCase recovery = cases.get(tenantId, caseId);
        if (recovery.status() != RecoveryCase.Status.VERIFIED) {
            throw new Conflict("status", "The case is not in its cooling-off window");
        }
        return approvals.request(KIND, tenantId, caseId, "End the cooling-off of the recovery of " + recovery.userEmail()
                + " now instead of " + recovery.coolingOffUntil(), change);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void approved(Approval approval, Change decision) {
        cases.endCoolingOff(new TenantId(approval.tenantId()), approval.subjectId(), decision.by().toString(),
                new Change(approval.requestedBy(), approval.reason(), approval.ticket(), approval.correlationId()));
    }

    @Override
    public void closed(Approval approval, Change decision) {
        // The window simply runs its course.
    }
}
