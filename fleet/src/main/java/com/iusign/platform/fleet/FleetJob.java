package com.iusign.platform.fleet;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A fleet action's progress: {@code done} tenants changed, {@code skipped} already in the wanted
 * state or gone, {@code failed} refused for another reason; {@code status} RUNNING, COMPLETED or
 * FAILED (the job itself stopped: {@code error} says why, the targets not reached keep no outcome).
 */
public record FleetJob(UUID id, FleetAction action, String status, String startedBy, String reason, @Nullable String ticket,
                       String selection, int total, int done, int skipped, int failed, Instant startedAt, @Nullable Instant finishedAt,
                       @Nullable String error) {

    public int processed() {
        return done + skipped + failed;
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100L * processed() / total);
    }

    public boolean finished() {
        return !"RUNNING".equals(status);
    }

    /** The correlation id every tenant's change of this job carries in the audit trail. */
    public String correlationId() {
        return correlationId(id);
    }

    static String correlationId(UUID jobId) {
        return "fleet-" + jobId;
    }
}
