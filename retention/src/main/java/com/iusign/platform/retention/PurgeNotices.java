package com.iusign.platform.retention;

import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantEndOfLife;
import com.iusign.platform.mail.OutgoingMail;
import com.iusign.platform.mail.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Tells a deactivated tenant's owner that its data is about to be deleted: once when the purge is
 * a week away and once when it is a day away, each at most once per end of window (an extended
 * window gets its own notices). None while a legal hold stands or once a purge is scheduled.
 */
@Component
class PurgeNotices {

    static final Duration FIRST = Duration.ofDays(7);
    static final Duration LAST = Duration.ofDays(1);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TenantEndOfLife lifecycle;
    private final LegalHolds holds;
    private final PurgeStore store;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    PurgeNotices(TenantEndOfLife lifecycle, LegalHolds holds, PurgeStore store, Outbox outbox, TransactionTemplate transactions) {
        this.lifecycle = lifecycle;
        this.holds = holds;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** The notices now due; returns how many were queued. */
    int send() {
        int queued = 0;
        Instant now = Instant.now();
        for (Tenant tenant : lifecycle.purgingWithin(FIRST, 500)) {
            if (tenant.purgeAfter() == null || !tenant.purgeAfter().isAfter(now) || holds.active(tenant.id()).isPresent()
                    || store.find(tenant.id().value()).isPresent()) {
                continue;
            }
            String kind = Duration.between(now, tenant.purgeAfter()).compareTo(LAST) <= 0 ? "1d" : "7d";
            String reference = "purge-notice:" + tenant.id().value() + ":" + tenant.purgeAfter().getEpochSecond() + ":" + kind;
            if (outbox.deliveries(reference).isEmpty()) {
                transactions.executeWithoutResult(status -> outbox.enqueue(notice(tenant, reference)));
                queued++;
            }
        }
        return queued;
    }

    private static OutgoingMail notice(Tenant tenant, String reference) {
        String when = WHEN.format(tenant.purgeAfter());
        String text = """
                The organization %s was deactivated on IUSign on %s.

                Its data — users, envelopes and documents — will be deleted for good on %s, when its retention \
                period ends: the documents' encryption key is destroyed, so no copy of them can be read afterwards.

                If the organization must be kept, or its data is subject to a legal hold, contact IUSign support before \
                that date. After it, the data cannot be recovered.
                """.formatted(tenant.name(), WHEN.format(tenant.statusChangedAt()), when);
        return new OutgoingMail(tenant.ownerEmail(), "IUSign: " + tenant.name() + " will be deleted on " + when, text, null,
                tenant.id().value(), reference);
    }
}
