package com.iusign.platform.identity;

import java.time.Instant;

/** A user just added, with the one-time activation token that sets their password (shown once). */
public record NewUser(TenantUser user, String activationToken, Instant activationExpiresAt) {

    @Override
    public String toString() {
        return "NewUser[user=" + user + ", activationToken=***, activationExpiresAt=" + activationExpiresAt + "]";
    }
}
