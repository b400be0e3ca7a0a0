package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What the provider says about a tenant's master key.
 *
 * @param keyId          the provider's id (KMS key ARN, or {@code local:<tenant>})
 * @param alias          the KMS alias ({@code alias/iusign/tenant/<id>}); null for the local provider
 * @param lastRotatedAt  when its material last changed; null when never rotated
 * @param deletionDate   when KMS deletes it (pending deletion) or when it was destroyed; null while it lives
 * @param materialVersions how many generations of material it holds (1 + rotations)
 */
public record TenantMasterKey(String provider, String keyId, @Nullable String alias, State state, Instant createdAt,
                              @Nullable Instant lastRotatedAt, @Nullable Instant deletionDate, int materialVersions) {

    public enum State {
        /** Wraps and unwraps. */
        ENABLED,
        /** KMS: disabled outside the platform (the AWS console); nothing unwraps until someone enables it again. */
        DISABLED,
        /** KMS: disabled and scheduled for deletion; nothing unwraps any more. */
        PENDING_DELETION,
        /** The material is gone; the tenant's data keys can never be unwrapped again. */
        DESTROYED
    }

    public boolean usable() {
        return state == State.ENABLED;
    }
}
