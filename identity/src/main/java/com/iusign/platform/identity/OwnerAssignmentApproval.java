package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalHandler;
import com.iusign.platform.security.ApprovalStatus;
import com.iusign.platform.security.TenantScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Carries out an approved owner assignment inside the approving transaction: the previous owner
 * is demoted first and the new one promoted second, so the unique owner index never sees two
 * and the commit never leaves none. The tenant's users are serialized (the seat lock) and the
 * owner row is locked, so a concurrent owner change or user add waits; a state that changed since
 * the request (the owner, the target's status, a deactivation) refuses, leaving the request pending.
 */
@Component
class OwnerAssignmentApproval implements ApprovalHandler {

    private final OwnerAssignmentStore store;
    private final UserStore users;
    private final TenantUsers tenantUsers;
    private final TenantLifecycle lifecycle;
    private final TenantScope scope;
    private final Outbox outbox;
    private final IdentityMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnerAssignmentApproval(OwnerAssignmentStore store, UserStore users, TenantUsers tenantUsers, TenantLifecycle lifecycle,
                            TenantScope scope, Outbox outbox, IdentityMails mails, ApplicationEventPublisher events,
                            ObjectProvider<Clock> clock) {
        this.store = store;
        this.users = users;
        this.tenantUsers = tenantUsers;
        this.lifecycle = lifecycle;
        this.scope = scope;
        this.outbox = outbox;
        this.mails = mails;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public String kind() {
        return OwnerAssignments.KIND;
    }

    @Override
    public void approved(Approval approval, Change decision) {
        TenantId tenantId = new TenantId(approval.tenantId());
        scope.enter(tenantId.value());
        OwnerAssignment assignment = pending(approval);
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.status().closed()) {
            throw new Conflict("status", "The tenant was deactivated since the request: it gets no new owner");
        }
        users.lockSeats(tenantId.value());
        TenantUser previous = users.lockOwner(tenantId.value())
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no owner"));
        if (!previous.id().equals(assignment.previousOwnerId())) {
            throw new Conflict("owner", "The owner changed since the request (now " + previous.email() + "): ask again");
        }
        Change requested = new Change(approval.requestedBy(), approval.reason(), approval.ticket(), approval.correlationId());
        boolean disable = assignment.previousOwnerBecomes() == OwnerAssignment.PreviousOwner.DISABLED;
        users.setRole(previous.id(), UserRole.ADMIN);
        if (disable) {
            tenantUsers.disable(tenantId, previous.id(), requested);
        }
        UUID newOwnerId;
        NewUser invited = null;
        if (assignment.targetUserId() != null) {
            TenantUser target = users.find(tenantId.value(), assignment.targetUserId())
                    .orElseThrow(() -> new Conflict("userId", "The user to become owner no longer exists"));
            OwnerAssignments.requireEligible(target, previous);
            users.setRole(target.id(), UserRole.OWNER);
            newOwnerId = target.id();
        } else {
            invited = tenantUsers.addSilently(tenantId, assignment.targetEmail(), "Owner", UserRole.OWNER.name(), requested);
            newOwnerId = invited.user().id();
        }
        Instant now = clock.instant();
        store.close(assignment.id(), OwnerAssignment.Status.COMPLETED, newOwnerId, now);
        lifecycle.recordOwner(tenantId, assignment.targetEmail(), decision.by().toString(), requested);
        events.publishEvent(new TenantOwnerAssigned(UUID.randomUUID(), tenantId.value(), assignment.id(), previous.id(), previous.email(),
                assignment.previousOwnerBecomes(), newOwnerId, assignment.targetEmail(), invited != null, requested, decision.by(), now));
        outbox.enqueue(invited != null
                ? mails.ownerInvited(tenant.name(), tenantId.value(), assignment.id(), assignment.targetEmail(), invited.activationToken(),
                invited.activationExpiresAt())
                : mails.ownerAssigned(tenant.name(), tenantId.value(), assignment.id(), assignment.targetEmail()));
        outbox.enqueue(mails.previousOwnerNotice(tenant.name(), tenantId.value(), assignment.id(), previous.email(),
                assignment.targetEmail(), disable));
    }

    @Override
    public void closed(Approval approval, Change decision) {
        scope.enter(approval.tenantId());
        OwnerAssignment assignment = pending(approval);
        store.close(assignment.id(), approval.status() == ApprovalStatus.CANCELLED ? OwnerAssignment.Status.CANCELLED
                : OwnerAssignment.Status.REJECTED, null, clock.instant());
    }

    private OwnerAssignment pending(Approval approval) {
        OwnerAssignment assignment = store.lock(approval.tenantId(), approval.subjectId())
                .orElseThrow(() -> new IllegalStateException("No owner assignment " + approval.subjectId() + " for approval " + approval.id()));
        if (assignment.status() != OwnerAssignment.Status.PENDING) {
            throw new Conflict("status", "This owner assignment is " + assignment.status().name().toLowerCase() + " already");
        }
        return assignment;
    }

}
