package com.iusign.platform.identity;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/**
 * The OWNER role moved: {@code change} is the request (who asked, why, the ticket), {@code approvedBy}
 * the second SuperAdmin who approved it. {@code invited} when the new owner is a new account that
 * got an activation link.
 */
public record TenantOwnerAssigned(UUID eventId, UUID tenantId, UUID assignmentId, UUID previousOwnerId, String previousOwnerEmail,
                                  OwnerAssignment.PreviousOwner previousOwnerBecomes, UUID newOwnerId, String newOwnerEmail,
                                  boolean invited, Change change, Actor approvedBy, Instant at) {
}
