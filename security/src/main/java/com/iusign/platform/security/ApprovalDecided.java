package com.iusign.platform.security;

import java.time.Instant;
import java.util.UUID;

/** A four-eyes request was approved, rejected or cancelled; the approval names requester and decider. */
public record ApprovalDecided(UUID eventId, Approval approval, Instant at) {
}
