package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * The receipt of a Global Session Flush: from when on sessions are refused, and the proof — an
 * access token issued one millisecond before that moment, run through the access gate after the
 * flush committed, and a refresh of a session begun at that same moment, each with the gate's answer.
 */
public record FlushReceipt(UUID tenantId, @Nullable UUID userId, Instant effectiveAt, Proof proof) {

    public record Proof(Instant probeIssuedAt, boolean refused, String gateAnswer, boolean refreshRefused, String refreshAnswer) {
    }
}
