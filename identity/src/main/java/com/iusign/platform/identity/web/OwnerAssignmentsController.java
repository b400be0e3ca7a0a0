package com.iusign.platform.identity.web;

import com.iusign.platform.identity.OwnerAssignment;
import com.iusign.platform.identity.OwnerAssignments;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admin API: owner assignments of a tenant. A request answers 202 (accepted, waiting for a second
 * SuperAdmin); approve and reject decide it — the approval itself lives at {@code /api/admin/approvals}.
 */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/owner-assignments")
class OwnerAssignmentsController {

    record RequestOwner(@Nullable UUID userId, @Nullable String email, @Nullable String previousOwnerBecomes, @Nullable String reason,
                        @Nullable String ticket) implements ChangeRequest {
    }

    record Decision(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    /** Field names are a contract (add, never rename). */
    record AssignmentBody(UUID id, UUID tenantId, @Nullable UUID targetUserId, String targetEmail, UUID previousOwnerId,
                          String previousOwnerBecomes, String status, @Nullable UUID newOwnerId, Instant requestedAt,
                          @Nullable Instant closedAt, UUID approvalId, String requestedBy, String reason, Instant approvalExpiresAt,
                          @Nullable String decidedBy, @Nullable String decisionReason) {

        static AssignmentBody of(OwnerAssignment assignment, Approval approval) {
            return new AssignmentBody(assignment.id(), assignment.tenantId(), assignment.targetUserId(), assignment.targetEmail(),
                    assignment.previousOwnerId(), assignment.previousOwnerBecomes().name(), assignment.status().name(),
                    assignment.newOwnerId(), assignment.requestedAt(), assignment.closedAt(), approval.id(),
                    approval.requestedBy().toString(), approval.reason(), approval.expiresAt(),
                    approval.decidedBy() == null ? null : approval.decidedBy().toString(), approval.decisionReason());
        }
    }

    private final OwnerAssignments assignments;
    private final Approvals approvals;

    OwnerAssignmentsController(OwnerAssignments assignments, Approvals approvals) {
        this.assignments = assignments;
        this.approvals = approvals;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    AssignmentBody request(@PathVariable TenantId tenantId, @RequestBody RequestOwner body, Change change) {
        OwnerAssignment assignment = assignments.request(tenantId, body.userId(), body.email(), previousOwner(body.previousOwnerBecomes()),
                change);
        return body(assignment);
    }

    @GetMapping
    List<AssignmentBody> list(@PathVariable TenantId tenantId) {
        return assignments.list(tenantId).stream().map(this::body).toList();
    }

    @GetMapping("/{assignmentId}")
    AssignmentBody get(@PathVariable TenantId tenantId, @PathVariable UUID assignmentId) {
        return body(assignments.get(tenantId, assignmentId));
    }

    @PostMapping("/{assignmentId}/approve")
    AssignmentBody approve(@PathVariable TenantId tenantId, @PathVariable UUID assignmentId, @RequestBody Decision body, Change change) {
        approvals.approve(assignments.get(tenantId, assignmentId).approvalId(), change);
        return body(assignments.get(tenantId, assignmentId));
    }

    @PostMapping("/{assignmentId}/reject")
    AssignmentBody reject(@PathVariable TenantId tenantId, @PathVariable UUID assignmentId, @RequestBody Decision body, Change change) {
        approvals.reject(assignments.get(tenantId, assignmentId).approvalId(), change);
        return body(assignments.get(tenantId, assignmentId));
    }

    private AssignmentBody body(OwnerAssignment assignment) {
        return AssignmentBody.of(assignment, approvals.get(assignment.approvalId()));
    }

    private static OwnerAssignment.PreviousOwner previousOwner(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return OwnerAssignment.PreviousOwner.ADMIN;
        }
        try {
            return OwnerAssignment.PreviousOwner.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("previousOwnerBecomes", "Unknown value '" + value + "'; one of ADMIN, DISABLED"));
        }
    }
}
