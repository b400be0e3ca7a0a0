package com.iusign.platform.fleet;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** What a fleet job did to one tenant: {@code outcome} DONE, SKIPPED or FAILED, or null while not reached yet. */
public record FleetOutcome(int position, UUID tenantId, String tenantName, @Nullable String outcome, @Nullable String detail,
                           @Nullable Instant doneAt) {
}
