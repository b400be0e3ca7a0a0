package com.iusign.platform.app.demo;

import com.iusign.platform.signing.HistoricalEnvelope;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The envelopes of one demo tenant over the last 90 days, drawn deterministically: a daily rate by
 * plan with a weekly rhythm (weekdays busy, weekends quiet), from the tenant's creation or 90 days
 * ago until it went quiet or today; about four in five completed within two days.
 */
record DemoActivity(double perWeekday, Instant from, Instant until) {

    static final int DAYS = 90;

    /** How the week shapes the day's volume, Monday to Sunday. */
    private static final double[] WEEK = {1.0, 1.1, 1.1, 1.0, 0.8, 0.25, 0.1};

    List<HistoricalEnvelope> envelopes(String slug, Random random, Instant now) {
        List<HistoricalEnvelope> envelopes = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(until, ZoneOffset.UTC);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            double rate = perWeekday * WEEK[day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
            for (int i = 0, count = poisson(random, rate); i < count; i++) {
                Instant sent = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(8 * 60 + random.nextInt(10 * 60), ChronoUnit.MINUTES);
                if (sent.isAfter(now) || sent.isBefore(from)) {
                    continue;
                }
                Instant completed = random.nextInt(5) == 0 ? null : sent.plus(10 + random.nextInt(48 * 60), ChronoUnit.MINUTES);
                envelopes.add(new HistoricalEnvelope("Agreement " + day + " #" + (i + 1), "Signer " + (1 + random.nextInt(40)),
                        "signer" + random.nextInt(40) + "@" + slug + ".example.com", sent,
                        completed == null || completed.isAfter(now) ? null : completed));
            }
        }
        return envelopes;
    }

    /** {@code count} envelopes spread over this UTC month so far: a tenant near or at its monthly limit. */
    static List<HistoricalEnvelope> thisMonth(String slug, int count, Random random, Instant now) {
        Instant monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long seconds = Math.max(60, now.getEpochSecond() - monthStart.getEpochSecond() - 60);
        List<HistoricalEnvelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant sent = monthStart.plusSeconds((long) (random.nextDouble() * seconds));
            envelopes.add(new HistoricalEnvelope("Campaign contract #" + (i + 1), "Customer " + (i + 1),
                    "customer" + (i + 1) + "@" + slug + ".example.com", sent, null));
        }
        return envelopes;
    }

    private static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
