package com.iusign.platform.app.ui.tenants;

import com.iusign.platform.app.ui.components.Actions;
import com.iusign.platform.app.ui.components.Times;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.telemetry.DailyUsage;
import com.iusign.platform.telemetry.ResyncResult;
import com.iusign.platform.telemetry.TelemetrySnapshot;
import com.iusign.platform.telemetry.TenantTelemetry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Overview's usage: cards with quota bars, the snapshot's {@code as of} (and a stale badge
 * past the bound), a 90-day chart drawn as server-side SVG, and "Re-sync", which recounts from
 * the source tables and says which numbers it corrected.
 */
final class TenantUsagePanel extends Div {

    private final TenantTelemetry telemetry;
    private final TenantId tenantId;
    private final boolean closed;

    /** @param closed the tenant is deactivated (or purged): its numbers no longer move, so there is nothing to re-sync */
    TenantUsagePanel(TenantTelemetry telemetry, TenantId tenantId, boolean closed) {
        this.telemetry = telemetry;
        this.tenantId = tenantId;
        this.closed = closed;
        addClassName("usage-panel");
        setId("usage-panel");
        render();
    }

    private void render() {
        removeAll();
        TelemetrySnapshot usage = telemetry.snapshot(tenantId);
        Span asOf = new Span("Usage as of " + Times.exact(usage.asOf()));
        asOf.setId("usage-as-of");
        asOf.addClassName("secondary-text");
        Div heading = new Div(asOf);
        heading.addClassName("usage-heading");
        if (usage.stale()) {
            Span stale = new Span("Stale");
            stale.setId("usage-stale");
            stale.addClassNames("status-badge", "status-suspended");
            stale.getElement().setAttribute("title", "Not confirmed recently: re-sync before relying on these numbers");
            heading.add(stale);
        }
        Button resync = new Button("Re-sync", VaadinIcon.REFRESH.create(), click -> resync());
        resync.setId("usage-resync");
        resync.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        resync.setDisableOnClick(true);
        if (!closed) {
            heading.add(resync);
        }
        Div cards = new Div(
                quota("usage-envelopes-month", "Envelopes this month", usage.envelopesThisMonth(), usage.monthlyEnvelopeLimit()),
                quota("usage-seats", "Seats", usage.seatsUsed(), usage.seatLimit()),
                card("usage-active", "Active users (30 days)", Integer.toString(usage.activeUsers30d())),
                card("usage-envelopes-total", "Envelopes sent", String.format("%,d (%,d completed)", usage.envelopesTotal(),
                        usage.envelopesCompleted())),
                card("usage-last-activity", "Last activity", usage.lastActivityAt() == null ? "none yet"
                        : Times.relativeText(usage.lastActivityAt(), Instant.now())));
        cards.addClassName("usage-cards");
        add(heading, cards, chart(telemetry.series(tenantId, TenantTelemetry.SERIES_DAYS)));
    }

    private void resync() {
        ResyncResult result = telemetry.resync(tenantId);
        if (result.corrected().isEmpty()) {
            Actions.succeeded("Usage re-synced: every number was already right.");
        } else {
            Actions.succeeded("Usage re-synced; corrected " + result.corrected().entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue().before() + " → " + entry.getValue().after())
                    .collect(Collectors.joining(", ")) + ".");
        }
        render();
    }

    private static Component quota(String id, String label, long used, long limit) {
        Div card = card(id, label, String.format("%,d / %,d", used, limit));
        ProgressBar bar = new ProgressBar(0, Math.max(1, limit), Math.min(used, limit));
        // A bar needs its own name for a screen reader (axe aria-progressbar-name); the card's label is not tied to it.
        bar.getElement().setAttribute("aria-label", String.format("%s: %,d of %,d", label, used, limit));
        if (used >= limit) {
            bar.addThemeName("error");
        } else if (used * 10 >= limit * 8) {
            bar.addThemeName("contrast");
        }
        card.add(bar);
        return card;
    }

    private static Div card(String id, String label, String value) {
        Span name = new Span(label);
        name.addClassName("fact-label");
        Span number = new Span(value);
        number.addClassName("usage-number");
        Div card = new Div(name, number);
        card.setId(id);
        card.addClassName("usage-card");
        return card;
    }

    /** Bars of envelopes sent per day, a line of active users; drawn on the server, so the page downloads nothing for it. */
    static Component chart(List<DailyUsage> days) {
        int width = 720;
        int height = 120;
        int max = Math.max(1, days.stream().mapToInt(d -> Math.max(d.envelopesSent(), d.activeUsers())).max().orElse(1));
        double step = (double) width / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder(String.format(
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' role='img' aria-label='Envelopes sent and active users per day,"
                        + " last %d days' class='usage-chart' preserveAspectRatio='none'>", width, height + 16, days.size()));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            DailyUsage day = days.get(i);
            double bar = (double) day.envelopesSent() / max * height;
            svg.append(String.format(java.util.Locale.ROOT, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' class='usage-bar'><title>%s: %d sent,"
                    + " %d completed, %d active users</title></rect>", i * step, height - bar, Math.max(1, step - 1), bar, day.day(),
                    day.envelopesSent(), day.envelopesCompleted(), day.activeUsers()));
            line.append(String.format(java.util.Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "M" : " L", i * step + step / 2,
                    height - (double) day.activeUsers() / max * height));
        }
        svg.append("<path d='").append(line).append("' class='usage-line' fill='none'/>");
        svg.append("</svg>");
        Svg chart = new Svg(svg.toString());
        chart.setId("usage-chart");
        chart.getElement().getStyle().set("width", "100%").set("height", "8rem");
        // Axis labels stay HTML: the chart stretches to the panel's width, which would distort SVG text.
        Span from = new Span(days.isEmpty() ? "" : days.getFirst().day().toString());
        Span to = new Span(days.isEmpty() ? "" : days.getLast().day() + " · bars: envelopes sent per day, line: active users");
        Div axis = new Div(from, to);
        axis.addClassNames("usage-axis", "secondary-text");
        return new Div(chart, axis);
    }
}
