package com.iusign.platform.security;

import java.time.Instant;

/** An invited SuperAdmin and the one-time activation token of the invitation: shown or mailed once, stored only as a hash. */
public record InvitedSuperAdmin(SuperAdminAccount account, String activationToken, Instant expiresAt) {
}
