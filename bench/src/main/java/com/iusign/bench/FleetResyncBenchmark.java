package com.iusign.bench;

import com.iusign.platform.telemetry.ResyncJob;
import com.iusign.platform.telemetry.ResyncJobs;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The all-tenant telemetry re-sync over a fleet: T tenants (default 10,000) with E envelopes each
 * (default 1,000: 10M envelopes), loaded set-based as the owner role (row-level security is
 * switched to non-forced for the load only, then forced again), then one {@code ResyncJobs} job
 * timed from start to COMPLETED, its progress sampled every 5 s.
 */
public final class FleetResyncBenchmark {

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 10_000);
        int perTenant = Integer.getInteger("envelopesPerTenant", 1_000);
        ConfigurableApplicationContext app = BenchApp.start();
        try {
            long loadStart = System.nanoTime();
            load(app, tenants, perTenant);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            ResyncJobs jobs = app.getBean(ResyncJobs.class);
            long start = System.nanoTime();
            ResyncJob job = jobs.start("benchmark");
            StringBuilder samples = new StringBuilder();
            while (!job.status().equals("COMPLETED")) {
                if (job.status().equals("FAILED")) {
                    throw new IllegalStateException("The job failed: " + job.error());
                }
                Thread.sleep(5_000);
                job = jobs.get(job.id()).orElseThrow();
                samples.append(String.format("%.0f s: %,d of %,d%n", (System.nanoTime() - start) / 1e9, job.processed(), job.total()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String report = String.format("""

                    | fleet | load | re-sync job | per tenant | tenants/s | envelopes recounted/s |
                    |---|---|---|---|---|---|
                    | %,d tenants × %,d envelopes = %,d | %.0f s | %.0f s | %.1f ms | %.0f | %,.0f |

                    Corrected tenants: %,d (every tenant: its usage row did not exist before the job).
                    Progress samples:
                    %s""", tenants, perTenant, (long) tenants * perTenant, loadSeconds, seconds, seconds * 1000 / tenants,
                    tenants / seconds, (double) tenants * perTenant / seconds, job.correctedTenants(), samples);
            BenchApp.report("fleet-resync-benchmark.md", report);
        } finally {
            app.close();
        }
    }

    private static void load(ConfigurableApplicationContext app, int tenants, int perTenant) throws Exception {
        var environment = app.getEnvironment();
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""));
             Statement sql = owner.createStatement()) {
            sql.execute("""
                    INSERT INTO tenant (id, name, slug, plan, subscription_status, status, owner_email)
                    SELECT gen_random_uuid(), 'Fleet ' || g, 'fleet-' || g, 'enterprise', 'ACTIVE', 'ACTIVE', 'o@fleet-' || g || '.test'
                      FROM generate_series(1, %d) g""".formatted(tenants));
            // The load writes every tenant's rows in one statement: only possible while the owner is not held to the policy.
            sql.execute("ALTER TABLE envelope NO FORCE ROW LEVEL SECURITY");
            try {
                sql.execute("""
                        INSERT INTO envelope (id, tenant_id, title, status, created_by, created_at, sent_at, completed_at)
                        SELECT gen_random_uuid(), t.id, 'Fleet', CASE WHEN g %% 3 = 0 THEN 'COMPLETED' ELSE 'SENT' END, t.id,
                               now() - (g %% 365) * interval '1 day', now() - (g %% 365) * interval '1 day',
                               CASE WHEN g %% 3 = 0 THEN now() - (g %% 365) * interval '1 day' + interval '1 hour' END
                          FROM tenant t CROSS JOIN generate_series(1, %d) g""".formatted(perTenant));
            } finally {
                sql.execute("ALTER TABLE envelope FORCE ROW LEVEL SECURITY");
            }
            sql.execute("VACUUM ANALYZE envelope");
            sql.execute("ANALYZE tenant");
        }
    }

    private FleetResyncBenchmark() {
    }
}
