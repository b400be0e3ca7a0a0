package com.iusign.platform.security;

/** Where a four-eyes request stands. EXPIRED is a pending request read after its expiry: nothing can decide it any more. */
public enum ApprovalStatus { PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED }
