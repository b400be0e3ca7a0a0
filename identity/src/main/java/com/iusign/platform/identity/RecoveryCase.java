package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrative recovery of one tenant user's access, from the evidence to completion.
 * OPEN → CHALLENGED (a code went to the contact on file, or a TXT record to publish was issued) → VERIFIED (the holder read it back;
 * cooling-off runs until {@code coolingOffUntil}) → COMPLETED; or LOCKED (five wrong codes),
 * VETOED (an owner or admin objected) or CANCELLED.
 */
public record RecoveryCase(UUID id, UUID tenantId, UUID userId, String userEmail, Situation situation, String evidence,
                           String identityEstablished, @Nullable String ticket, String openedBy, Instant openedAt, Status status,
                           @Nullable Instant codeExpiresAt, int codeAttempts, @Nullable Instant verifiedAt,
                           @Nullable Instant coolingOffUntil, @Nullable Instant closedAt, @Nullable ChallengeMethod challengeMethod,
                           @Nullable String domainRecord, @Nullable String domainValue, @Nullable String newContactEmail) {

    public enum Situation { LOST_PASSWORD, LOCKED_OUT, MAILBOX_LOST }

    /**
     * How the holder proves it: a code sent to the e-mail on file and read back, or — when that
     * mailbox is gone — a fresh TXT record on the tenant's verified custom domain
     * ({@code domainRecord} = {@code domainValue}); the reset link then goes to {@code newContactEmail},
     * which becomes the account's e-mail on completion.
     */
    public enum ChallengeMethod { EMAIL_CODE, DOMAIN_TXT }

    public enum Status {
        OPEN, CHALLENGED, VERIFIED, COMPLETED, LOCKED, VETOED, CANCELLED;

        public boolean isOpen() {
            return this == OPEN || this == CHALLENGED || this == VERIFIED;
        }
    }

    /** One entry of the case's timeline. */
    public record Step(Instant at, String step, String actor, String detail) {
    }
}
