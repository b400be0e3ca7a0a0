package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the tenant API's gate answered, counted by outcome: {@code allowed}, each {@link GateRefusal}
 * (a token the decoder refuses counts as {@code invalid-token}) and {@code undecided} (PostgreSQL or the
 * limit could not be read, answered 503). The denominator of every per-request figure.
 */
@Component
class GateDecisions {

    static final String ALLOWED = "allowed";
    static final String UNDECIDED = "undecided";

    private final LongAdder allowed = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final Map<GateRefusal, LongAdder> refused = new EnumMap<>(GateRefusal.class);

    GateDecisions() {
        for (GateRefusal refusal : GateRefusal.values()) {
            refused.put(refusal, new LongAdder());
        }
    }

    void allowed() {
        allowed.increment();
    }

    /** A refusal; null when the gate could not decide. */
    void refused(@Nullable GateRefusal refusal) {
        (refusal == null ? undecided : refused.get(refusal)).increment();
    }

    long allowedCount() {
        return allowed.sum();
    }

    /** Every outcome by its label (the refusal's enum name in lower case), zero counts included. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ALLOWED, allowed.sum());
        refused.forEach((refusal, count) -> counts.put(label(refusal), count.sum()));
        counts.put(UNDECIDED, undecided.sum());
        return counts;
    }

    static String label(GateRefusal refusal) {
        return refusal.name().toLowerCase().replace('_', '-');
    }
}
