package com.iusign.bench;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.telemetry.ResyncResult;
import com.iusign.platform.telemetry.TenantTelemetry;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Telemetry: (1) re-sync of one tenant holding N envelopes (default 1,000,000, with a recipient
 * each; a third completed; spread over two years), timed through {@code TenantTelemetry.resync}
 * and, separately, the recount query alone ({@code Envelopes.usage}); (2) event-to-visible: a
 * tenant sends an envelope through the façade and the clock runs until the SuperAdmin's snapshot
 * shows it (the asynchronous listener has committed), 200 times.
 */
public final class TelemetryBenchmark {

    private static final Change CHANGE = Change.of(Actor.system("benchmark"), "Telemetry benchmark");

    public static void main(String[] args) throws Exception {
        int envelopes = Integer.getInteger("envelopes", 1_000_000);
        int events = Integer.getInteger("events", 200);
        ConfigurableApplicationContext app = BenchApp.start();
        try {
            TenantLifecycle lifecycle = app.getBean(TenantLifecycle.class);
            TenantTelemetry telemetry = app.getBean(TenantTelemetry.class);
            Envelopes workspace = app.getBean(Envelopes.class);
            TenantId big = lifecycle.provision(new ProvisionTenant("Telemetry big", "telemetry-big", "enterprise", "o@big.test", null), CHANGE).id();
            long loadStart = System.nanoTime();
            load(app, big.value(), envelopes);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            for (int i = 0; i < 3; i++) {
                telemetry.resync(big);
            }
            double[] resync = time(20, () -> telemetry.resync(big));
            double[] recount = time(20, () -> workspace.usage(big, LocalDate.now().minusDays(89)));
            ResyncResult last = telemetry.resync(big);

            TenantId small = lifecycle.provision(new ProvisionTenant("Telemetry live", "telemetry-live", "enterprise", "o@live.test", null),
                    CHANGE).id();
            UUID user = UUID.randomUUID();
            byte[] pdf = SamplePdf.withText("event to visible");
            double[] visible = new double[events];
            for (int i = 0; i < events; i++) {
                var draft = workspace.create(small, user, new NewEnvelope("Live " + i, "l.pdf", pdf,
                        List.of(new NewEnvelope.NewRecipient("Signer", "s@live.test"))));
                workspace.send(small, user, draft.id());
                long sent = System.nanoTime();
                while (telemetry.snapshot(small).envelopesTotal() < i + 1) {
                    Thread.sleep(1);
                }
                visible[i] = (System.nanoTime() - sent) / 1e6;
            }
            Arrays.sort(visible);
            String report = String.format("""

                    | measure | p50 | p95 | max | goal |
                    |---|---|---|---|---|
                    | re-sync of one tenant with %,d envelopes (`TenantTelemetry.resync`, 20 runs) | %.1f ms | %.1f ms | %.1f ms | ≤ 100 ms |
                    | of which the recount query (`Envelopes.usage`, 20 runs) | %.1f ms | %.1f ms | %.1f ms | |
                    | event to visible (send committed → snapshot shows it), %d envelopes | %.1f ms | p99 %.1f ms | %.1f ms | p99 ≤ 2 s |

                    Load of %,d envelopes and recipients (set-based INSERT … SELECT, then VACUUM ANALYZE): %.0f s.
                    Last re-sync: envelopesTotal %,d, envelopesCompleted %,d, corrected %s.
                    """, envelopes, resync[0], resync[1], resync[2], recount[0], recount[1], recount[2], events, visible[events / 2],
                    visible[Math.min(events - 1, (int) Math.ceil(events * 0.99) - 1)], visible[events - 1], envelopes, loadSeconds,
                    last.snapshot().envelopesTotal(), last.snapshot().envelopesCompleted(), last.corrected().keySet());
            BenchApp.report("telemetry-benchmark.md", report);
        } finally {
            app.close();
        }
    }

    /** As the owner role, scoped to the tenant (row-level security is forced even for the owner). */
    private static void load(ConfigurableApplicationContext app, UUID tenant, int envelopes) throws Exception {
        var environment = app.getEnvironment();
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            try (PreparedStatement scope = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            try (PreparedStatement insert = owner.prepareStatement("""
                    INSERT INTO envelope (id, tenant_id, title, status, created_by, created_at, sent_at, completed_at)
                    SELECT gen_random_uuid(), ?, 'Bench ' || g, CASE WHEN g % 3 = 0 THEN 'COMPLETED' ELSE 'SENT' END, gen_random_uuid(),
                           now() - (g % 730) * interval '1 day', now() - (g % 730) * interval '1 day',
                           CASE WHEN g % 3 = 0 THEN now() - (g % 730) * interval '1 day' + interval '1 hour' END
                      FROM generate_series(1, ?) g""")) {
                insert.setObject(1, tenant);
                insert.setInt(2, envelopes);
                insert.execute();
            }
            owner.createStatement().execute("""
                    INSERT INTO recipient (id, tenant_id, envelope_id, position, name, email, signed_at)
                    SELECT gen_random_uuid(), tenant_id, id, 1, 'Signer', 'signer@bench.test', completed_at FROM envelope""");
            owner.createStatement().execute("VACUUM ANALYZE envelope");
            owner.createStatement().execute("VACUUM ANALYZE recipient");
        }
    }

    private static double[] time(int runs, Runnable work) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1]};
    }

    private TelemetryBenchmark() {
    }
}
