package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.ApprovalStatus;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.CredentialRules;
import com.iusign.platform.security.TenantScope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Owner assignment under four eyes. A SuperAdmin asks for a new owner — an existing active
 * member, or a new e-mail invited as owner — with a reason; nothing changes until a second
 * SuperAdmin approves ({@link Approvals}). Then, in one transaction ({@link OwnerAssignmentApproval}):
 * the previous owner becomes ADMIN (or is disabled), the new one OWNER, the tenant's owner of
 * record changes, and both are mailed after commit. At most one request is open per tenant.
 */
@Service
@Transactional
public class OwnerAssignments {

    static final String KIND = "owner-assignment";

    private final OwnerAssignmentStore store;
    private final UserStore users;
    private final TenantLifecycle lifecycle;
    private final Approvals approvals;
    private final TenantScope scope;
    private final Clock clock;

    OwnerAssignments(OwnerAssignmentStore store, UserStore users, TenantLifecycle lifecycle, Approvals approvals, TenantScope scope,
                     ObjectProvider<Clock> clock) {
        this.store = store;
        this.users = users;
        this.lifecycle = lifecycle;
        this.approvals = approvals;
        this.scope = scope;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Asks for a new owner; exactly one of {@code userId} and {@code email}.
     *
     * @throws InvalidInput naming the field: no target or both, an e-mail that is not one, a user that is not this tenant's
     * @throws Conflict     for a deactivated tenant, a target that is the owner already or not active, or a request already open
     */
    public OwnerAssignment request(TenantId tenantId, @Nullable UUID userId, @Nullable String email,
                                   OwnerAssignment.PreviousOwner previousOwnerBecomes, Change change) {
        scope.enter(tenantId.value());
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.status().closed()) {
            throw new Conflict("status", "A deactivated tenant gets no new owner");
        }
        if ((userId == null) == (email == null || email.isBlank())) {
            throw new InvalidInput(Map.of("userId", "Name the new owner: either an existing user (userId) or a new e-mail (email), not both"));
        }
        TenantUser target = userId != null ? users.find(tenantId.value(), userId)
                .orElseThrow(() -> new InvalidInput(Map.of("userId", "No user " + userId + " in this tenant")))
                : users.findByEmail(tenantId.value(), normalized(email)).orElse(null);
        String targetEmail = target != null ? target.email() : normalized(email);
        TenantUser owner = users.lockOwner(tenantId.value())
                .orElseThrow(() -> new IllegalStateException("Tenant " + tenantId + " has no owner"));
        if (target != null) {
            requireEligible(target, owner);
        }
        closeExpired(tenantId);
        UUID id = UUID.randomUUID();
        String summary = "Make " + targetEmail + (target == null ? " (invited)" : "") + " the owner of " + tenant.name() + " instead of "
                + owner.email() + ", who becomes " + (previousOwnerBecomes == OwnerAssignment.PreviousOwner.ADMIN ? "an admin" : "disabled");
        Approval approval = approvals.request(KIND, tenantId, id, summary, change);
        OwnerAssignment assignment = new OwnerAssignment(id, tenantId.value(), target == null ? null : target.id(), targetEmail, owner.id(),
                previousOwnerBecomes, approval.id(), OwnerAssignment.Status.PENDING, null, clock.instant(), null);
        try {
            store.insert(assignment);
        } catch (DuplicateKeyException e) {
            throw new Conflict("ownerAssignment", "A change of this tenant's owner is already waiting for approval: decide or cancel it first");
        }
        return assignment;
    }

    @Transactional(readOnly = true)
    public List<OwnerAssignment> list(TenantId tenantId) {
        scope.enter(tenantId.value());
        return store.list(tenantId.value()).stream().map(this::withExpiry).toList();
    }

    @Transactional(readOnly = true)
    public OwnerAssignment get(TenantId tenantId, UUID id) {
        scope.enter(tenantId.value());
        return store.find(tenantId.value(), id).map(this::withExpiry)
                .orElseThrow(() -> new NotFound("No owner assignment " + id + " in tenant " + tenantId));
    }

    static void requireEligible(TenantUser target, TenantUser owner) {
        if (target.id().equals(owner.id())) {
            throw new Conflict("userId", target.email() + " is the owner already");
        }
        if (target.status() != UserStatus.ACTIVE) {
            throw new Conflict("userId", target.email() + " is " + target.status().name().toLowerCase()
                    + ": only an active user can become the owner (unlock them first, or invite a new e-mail)");
        }
    }

    /** A pending request whose approval expired holds the tenant no longer. */
    private void closeExpired(TenantId tenantId) {
        store.open(tenantId.value()).filter(open -> approvals.get(open.approvalId()).status() == ApprovalStatus.EXPIRED)
                .ifPresent(open -> store.close(open.id(), OwnerAssignment.Status.EXPIRED, null, clock.instant()));
    }

    private OwnerAssignment withExpiry(OwnerAssignment assignment) {
        if (assignment.status() != OwnerAssignment.Status.PENDING) {
            return assignment;
        }
        Approval approval = approvals.get(assignment.approvalId());
        return approval.status() != ApprovalStatus.EXPIRED ? assignment : new OwnerAssignment(assignment.id(), assignment.tenantId(),
                assignment.targetUserId(), assignment.targetEmail(), assignment.previousOwnerId(), assignment.previousOwnerBecomes(),
                assignment.approvalId(), OwnerAssignment.Status.EXPIRED, null, assignment.requestedAt(), approval.expiresAt());
    }

    private static String normalized(@Nullable String email) {
        try {
            return CredentialRules.requireEmail(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("email", e.getMessage()));
        }
    }
}
