package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A SuperAdmin account was activated (by its invitee), disabled or re-enabled. */
public record SuperAdminStatusChanged(UUID eventId, UUID adminId, String email, SuperAdminStatus from, SuperAdminStatus to, Change change,
                                      Instant at) {
}
