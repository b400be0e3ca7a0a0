package com.iusign.platform.telemetry;

import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.UserUsage;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.EnvelopeUsage;
import com.iusign.platform.signing.Envelopes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's usage for SuperAdmins: the snapshot kept from events, its daily series, and the
 * re-sync that recounts everything from the signing and identity modules' own tables and says
 * which counters had drifted. A snapshot is stale when it was last confirmed longer ago than
 * {@code iusign.telemetry.stale-after} (default 24 h).
 */
@Service
@Transactional
public class TenantTelemetry {

    public static final int SERIES_DAYS = 90;

    private final UsageStore store;
    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    private final TenantUsers users;
    private final Duration staleAfter;
    private final UsageAnnouncer announcer;

    TenantTelemetry(UsageStore store, TenantLifecycle lifecycle, Envelopes envelopes, TenantUsers users, UsageAnnouncer announcer,
                    @Value("${iusign.telemetry.stale-after:24h}") Duration staleAfter) {
        this.announcer = announcer;
        this.store = store;
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
        this.users = users;
        this.staleAfter = staleAfter;
    }

    /** The current snapshot; a tenant without any recorded usage yet gets an all-zero one as of now. */
    @Transactional(readOnly = true)
    public TelemetrySnapshot snapshot(TenantId tenantId) {
        Tenant tenant = lifecycle.get(tenantId);
        UsageStore.Row row = store.row(tenantId.value()).orElseGet(UsageStore.Row::none);
        Plan plan = lifecycle.planOf(tenant);
        return new TelemetrySnapshot(tenantId.value(), row.envelopesTotal(), row.thisMonth(UsageStore.monthOf(Instant.now())),
                row.envelopesCompleted(), row.activeUsers30d(), row.seatsUsed(), plan.seatLimit(), plan.monthlyEnvelopeLimit(),
                row.lastActivityAt(), row.asOf(), row.asOf().isBefore(Instant.now().minus(staleAfter)), row.resyncedAt(),
                row.driftCorrectedAt());
    }

    /** One point per UTC day for the last {@code days} days (1–366), today included. */
    @Transactional(readOnly = true)
    public List<DailyUsage> series(TenantId tenantId, int days) {
        if (days < 1 || days > 366) {
            throw InvalidInput.of("days", "days must be from 1 to 366");
        }
        lifecycle.get(tenantId);
        return store.series(tenantId.value(), today().minusDays(days - 1L));
    }

    /** Recounts the tenant's usage from the source tables and writes it; reports each counter that differed. */
    public ResyncResult resync(TenantId tenantId) {
        TelemetrySnapshot before = snapshot(tenantId);
        LocalDate from = today().minusDays(SERIES_DAYS - 1L);
        EnvelopeUsage counted = envelopes.usage(tenantId, from);
        UserUsage people = users.usage(tenantId, Instant.now().minus(30, ChronoUnit.DAYS));
        Map<String, ResyncResult.Correction> corrected = new LinkedHashMap<>();
        compare(corrected, "envelopesTotal", before.envelopesTotal(), counted.sent());
        compare(corrected, "envelopesThisMonth", before.envelopesThisMonth(), counted.sentThisMonth());
        compare(corrected, "envelopesCompleted", before.envelopesCompleted(), counted.completed());
        compare(corrected, "seatsUsed", before.seatsUsed(), people.seatsUsed());
        compare(corrected, "activeUsers30d", before.activeUsers30d(), people.active().size());
        store.replace(tenantId.value(), counted, people, from, !corrected.isEmpty());
        announcer.announce(tenantId.value());
        return new ResyncResult(snapshot(tenantId), corrected);
    }

    private static void compare(Map<String, ResyncResult.Correction> corrected, String counter, long before, long after) {
        if (before != after) {
            corrected.put(counter, new ResyncResult.Correction(before, after));
        }
    }

    private static LocalDate today() {
        return UsageStore.dayOf(Instant.now());
    }
}
