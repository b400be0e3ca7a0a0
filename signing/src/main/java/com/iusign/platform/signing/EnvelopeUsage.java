package com.iusign.platform.signing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's envelope volume counted from the source tables: envelopes sent (ever and this UTC
 * calendar month), completed, the latest envelope or signing activity, and per UTC day since a
 * given day how many were sent and completed (days without any are omitted).
 */
public record EnvelopeUsage(long sent, long sentThisMonth, long completed, @Nullable Instant lastActivityAt, List<Day> days) {

    public record Day(LocalDate day, int sent, int completed) {
    }
}
