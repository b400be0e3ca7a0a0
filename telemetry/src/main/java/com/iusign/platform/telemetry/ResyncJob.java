package com.iusign.platform.telemetry;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** An all-tenant re-sync: RUNNING, COMPLETED or FAILED, with how far it got. */
public record ResyncJob(UUID id, String status, String startedBy, Instant startedAt, @Nullable Instant finishedAt, long total,
                        long processed, long correctedTenants, @Nullable String error) {

    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, processed * 100 / total);
    }
}
