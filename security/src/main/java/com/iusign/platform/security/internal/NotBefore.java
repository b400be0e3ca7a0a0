package com.iusign.platform.security.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The not-before that a cut-off at {@code moment} sets: the next millisecond. A token issued in the
 * same millisecond as the cut-off cannot be told apart from one issued just before it, so it is
 * refused too (fail closed); one issued a millisecond later passes.
 */
final class NotBefore {

    private NotBefore() {
    }

    static Instant after(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }
}
