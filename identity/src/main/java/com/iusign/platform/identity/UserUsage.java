package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's users as counted from the source table: seats (users not disabled), the users who
 * signed in since a given time with their last sign-in, and the tenant's latest sign-in.
 */
public record UserUsage(int seatsUsed, List<ActiveUser> active, @Nullable Instant lastSignInAt) {

    public record ActiveUser(UUID userId, Instant lastSignInAt) {
    }
}
