package com.iusign.platform.signing;

/**
 * What of a tenant's signing work is under way right now: envelopes sent and neither completed
 * nor voided, and the signing links of their unsigned recipients that have not expired — the
 * links a suspension turns into "temporarily unavailable".
 */
public record InFlight(long envelopes, long liveLinks) {
}
