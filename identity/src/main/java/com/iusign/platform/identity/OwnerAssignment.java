package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to make someone else the tenant's owner: an existing member ({@code targetUserId}) or
 * a new e-mail invited as owner. Carried out only when a second SuperAdmin approves
 * {@code approvalId}.
 */
public record OwnerAssignment(UUID id, UUID tenantId, @Nullable UUID targetUserId, String targetEmail, UUID previousOwnerId,
                              PreviousOwner previousOwnerBecomes, UUID approvalId, Status status, @Nullable UUID newOwnerId,
                              Instant requestedAt, @Nullable Instant closedAt) {

    public enum Status { PENDING, COMPLETED, REJECTED, CANCELLED, EXPIRED }

    /** What the previous owner becomes: an administrator of the tenant, or a disabled account. */
    public enum PreviousOwner { ADMIN, DISABLED }
}
