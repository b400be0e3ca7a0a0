package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a recovery case: {@code step} is {@code opened}, {@code challenge-sent}, {@code code-wrong},
 * {@code verified}, {@code locked}, {@code vetoed}, {@code cooling-off-shortened}, {@code completed} or
 * {@code cancelled}. The completed step is the design's {@code RecoveryCompleted}: the user's sessions
 * ended and a reset link went to the verified contact.
 */
public record RecoveryCaseChanged(UUID eventId, UUID tenantId, UUID caseId, UUID userId, String step, RecoveryCase.Status status,
                                  String detail, Change change, Instant at) {
}
