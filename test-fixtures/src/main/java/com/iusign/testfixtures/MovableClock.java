package com.iusign.testfixtures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock the test moves: expiries, cooling-off windows and retry back-offs are passed by
 * {@link #advance}, never waited for. Register it as the context's {@link Clock} bean.
 */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    /** Now, to the microsecond: PostgreSQL keeps no finer time, so what a test reads back equals what it set. */
    public static MovableClock startingNow() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
