package com.iusign.platform.app.demo;

import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantHistoryImport;
import com.iusign.platform.signing.EnvelopeHistory;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.HistoricalEnvelope;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.signing.SigningLinks;
import com.iusign.platform.telemetry.TenantTelemetry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The past of a demo tenant, written through the modules' own history imports so that every view
 * agrees: its creation dated up to two years back (lifecycle), its envelopes of the last 90 days
 * with their weekly rhythm (signing), then a re-sync that recounts its usage from those rows
 * (telemetry, and through its event the manifest). Some tenants went quiet a month or more ago,
 * some are near or at their monthly limit or their seats, a few are flagged, a few have envelopes
 * out for signature right now. The audit trail records all of it at the instant it was generated,
 * by {@code system:demo-data}, with reasons that say what the dates stand for.
 */
@Component
class DemoHistory {

    static final Actor DEMO = Actor.system("demo-data");

    private final TenantHistoryImport lifecycleHistory;
    private final EnvelopeHistory envelopeHistory;
    private final TenantTelemetry telemetry;
    private final TenantFlags flags;
    private final TenantUsers users;
    private final Envelopes envelopes;
    private final SigningLinks links;

    DemoHistory(TenantHistoryImport lifecycleHistory, EnvelopeHistory envelopeHistory, TenantTelemetry telemetry, TenantFlags flags,
                TenantUsers users, Envelopes envelopes, SigningLinks links) {
        this.lifecycleHistory = lifecycleHistory;
        this.envelopeHistory = envelopeHistory;
        this.telemetry = telemetry;
        this.flags = flags;
        this.users = users;
        this.envelopes = envelopes;
        this.links = links;
    }

    /** When the tenant at {@code index} was created: one in ten in the last four weeks, the others over two years. */
    static Instant createdAt(int index, Random random, Instant now) {
        int days = index % 10 == 0 ? 1 + random.nextInt(27) : 30 + random.nextInt(700);
        return now.minus(days, ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
    }

    void write(int index, Tenant tenant, Instant createdAt, Random random, Instant now) {
        lifecycleHistory.provisionedAt(tenant.id(), createdAt);
        UUID sender = UUID.nameUUIDFromBytes(("demo-sender-" + tenant.slug()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<HistoricalEnvelope> past = activity(index, tenant, createdAt, random, now).envelopes(tenant.slug(), random, now);
        if (tenant.plan().equals("starter") && index % 23 == 4) {
            // Near or at the starter plan's 100 envelopes this month: the "Approaching limits" list has someone to call.
            past = DemoActivity.thisMonth(tenant.slug(), index % 2 == 0 ? 100 : 84 + index % 12, random, now);
        }
        envelopeHistory.importEnvelopes(tenant.id(), sender, past);
        boolean active = tenant.status() == com.iusign.platform.lifecycle.TenantStatus.ACTIVE;
        if (active && tenant.plan().equals("starter") && index % 26 == 6) {
            for (int i = 1; i <= 3; i++) {
                users.add(tenant.id(), "colleague" + i + "@" + tenant.slug() + ".example.com", "Colleague " + i, "MEMBER",
                        Change.of(DEMO, "Demo fleet (generated): a team close to its seat limit"));
            }
        }
        if (active && index % 10 == 5) {
            inFlight(tenant, sender, random);
        }
        if (active && index % 67 == 7) {
            flags.flag(tenant.id(), Change.of(DEMO, "Demo fleet (generated): recipients reported unexpected envelopes"));
        }
        telemetry.resync(tenant.id());
    }

    private static DemoActivity activity(int index, Tenant tenant, Instant createdAt, Random random, Instant now) {
        double perWeekday = switch (tenant.plan()) {
            case "enterprise" -> 0.9;
            case "business" -> 0.45;
            default -> 0.2;
        };
        Instant windowStart = now.minus(DemoActivity.DAYS, ChronoUnit.DAYS);
        Instant from = createdAt.isAfter(windowStart) ? createdAt : windowStart;
        int profile = random.nextInt(100);
        if (index % 2 == 1) {
            return new DemoActivity(0, from, from);
        }
        if (profile >= 85 && createdAt.isBefore(now.minus(150, ChronoUnit.DAYS))) {
            // Dormant: a little work four months ago, nothing since — the compliance review's "inactive for 90 days".
            return new DemoActivity(0.6, now.minus(130, ChronoUnit.DAYS), now.minus(100, ChronoUnit.DAYS));
        }
        if (profile >= 65) {
            // Went quiet a month or two ago: "inactive for 30+ days" finds it.
            Instant stopped = now.minus(35 + random.nextInt(45), ChronoUnit.DAYS);
            return new DemoActivity(perWeekday, from, stopped.isBefore(from) ? from : stopped);
        }
        return new DemoActivity(perWeekday, from, now);
    }

    /** One or two envelopes out for signature right now, through the live path: links a suspension would make unavailable. */
    private void inFlight(Tenant tenant, UUID sender, Random random) {
        byte[] pdf = SamplePdf.withText("Demo agreement of " + tenant.name());
        for (int i = 0, count = 1 + random.nextInt(2); i < count; i++) {
            var draft = envelopes.create(tenant.id(), sender, new NewEnvelope("Open agreement " + (i + 1), "agreement.pdf", pdf,
                    List.of(new NewEnvelope.NewRecipient("Demo Signer", "signer@" + tenant.slug() + ".example.com"))));
            String token = envelopes.send(tenant.id(), sender, draft.id()).getFirst().token();
            if (i == 1) {
                links.sign(token, "Demo Signer");
            }
        }
    }
}
