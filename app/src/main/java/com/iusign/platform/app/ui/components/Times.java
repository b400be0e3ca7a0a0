package com.iusign.platform.app.ui.components;

import com.vaadin.flow.component.html.Span;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: relative ("3 h ago"), with the exact UTC time on hover. */
public final class Times {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static Span relative(Instant instant) {
        Span span = new Span(relativeText(instant, Instant.now()));
        span.getElement().setAttribute("title", EXACT.format(instant));
        return span;
    }

    public static String exact(Instant instant) {
        return EXACT.format(instant);
    }

    public static String relativeText(Instant instant, Instant now) {
        Duration age = Duration.between(instant, now);
        if (age.isNegative()) {
            // A deadline: an approval's expiry, a retry's next attempt.
            Duration left = age.negated();
            return left.toMinutes() < 1 ? "in under a minute" : left.toHours() < 1 ? "in " + left.toMinutes() + " min"
                    : left.toDays() < 1 ? "in " + left.toHours() + " h" : "in " + left.toDays() + " d";
        }
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        if (age.toDays() < 60) {
            return age.toDays() + " d ago";
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(instant);
    }
}
