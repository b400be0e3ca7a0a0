package com.iusign.platform.telemetry;

import java.time.Instant;

/**
 * What suspending, deactivating or flushing would reach, counted from the source tables the
 * moment before the SuperAdmin confirms: active users who will be refused (those who have set a
 * password; an owner never activated has nothing to refuse), live sessions (and the
 * users holding them) that end, envelopes out for signature, and unexpired signing links of their
 * unsigned recipients that will answer "temporarily unavailable". For a fleet, the sum over its
 * tenants; {@code asOf} is when the counting started.
 */
public record BlastRadius(int tenants, long activeUsers, long sessions, long usersWithSessions, long envelopesInFlight,
                          long liveSigningLinks, Instant asOf) {

    static BlastRadius none(Instant asOf) {
        return new BlastRadius(0, 0, 0, 0, 0, 0, asOf);
    }

    /** Two partial sums of one fleet's radius, as of the first. */
    public static BlastRadius sum(BlastRadius first, BlastRadius second) {
        return first.plus(second);
    }

    BlastRadius plus(BlastRadius other) {
        return new BlastRadius(tenants + other.tenants, activeUsers + other.activeUsers, sessions + other.sessions,
                usersWithSessions + other.usersWithSessions, envelopesInFlight + other.envelopesInFlight,
                liveSigningLinks + other.liveSigningLinks, asOf);
    }
}
