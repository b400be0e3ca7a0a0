package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.telemetry.BlastRadius;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * The numbers an action reaches, stated before it is confirmed ("12 active users will be refused
 * on their next request"), each in an element with its own id so a test can read it, and the
 * instant they were counted.
 */
public class BlastRadiusSummary extends Div {

    /** Which consequences apply: a flush ends sessions only; a suspension or deactivation also stops signing. */
    public enum Reach { SUSPEND, DEACTIVATE, FLUSH }

    public BlastRadiusSummary(BlastRadius radius, Reach reach) {
        setId("blast-radius");
        addClassName("blast-radius");
        UnorderedList lines = new UnorderedList();
        if (radius.tenants() != 1) {
            lines.add(line("blast-tenants", radius.tenants(), "tenant", "tenants", " affected"));
        }
        if (reach != Reach.FLUSH) {
            lines.add(line("blast-users", radius.activeUsers(), "active user", "active users", " will be refused on their next request"));
        }
        lines.add(line("blast-sessions", radius.sessions(), "live session", "live sessions",
                " (of " + count(radius.usersWithSessions(), "user", "users") + ") will end, access and refresh tokens alike"));
        if (reach != Reach.FLUSH) {
            String answer = reach == Reach.SUSPEND ? "\"temporarily unavailable\"" : "\"no longer available\"";
            lines.add(line("blast-envelopes", radius.envelopesInFlight(), "envelope", "envelopes", " out for signature will wait"));
            lines.add(line("blast-links", radius.liveSigningLinks(), "signing link", "signing links", " will show " + answer));
        }
        Span asOf = new Span("Counted " + Times.exact(radius.asOf()));
        asOf.addClassName("secondary-text");
        add(lines, asOf);
    }

    private static ListItem line(String id, long value, String one, String many, String rest) {
        Span number = new Span(String.format("%,d", value));
        number.setId(id);
        number.addClassName("blast-number");
        return new ListItem(number, new Span(" " + (value == 1 ? one : many) + rest));
    }

    private static String count(long value, String one, String many) {
        return String.format("%,d %s", value, value == 1 ? one : many);
    }
}
