package com.iusign.bench;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.retention.TenantPurges;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The purge of a tenant with {@code -Denvelopes=1000000} envelopes (each with one recipient), while
 * another tenant keeps a steady load on the tenant API: the purge's time, batches and rows/s, and
 * the other tenant's p99 during the purge over its p99 without one (rounds before and after, in
 * the same run). The purge runs as in production: {@code TenantPurges.runDue()} after the window
 * ended, batches of {@code iusign.retention.purge-batch-size} (default 1000).
 */
public final class PurgeBenchmark {

    public static void main(String[] args) throws Exception {
        int envelopes = Integer.getInteger("envelopes", 1_000_000);
        int steady = Integer.getInteger("steady", 50);
        int aloneSeconds = Integer.getInteger("aloneSeconds", 15);
        // The scheduled job stays out of the way: the benchmark runs the purge itself, once, and times it.
        ConfigurableApplicationContext app = BenchApp.start("--iusign.retention.purge-initial-delay=PT24H");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            BenchApp.Owner victim = BenchApp.owner(app, "enterprise", "purged");
            BenchApp.Owner neighbour = BenchApp.owner(app, "enterprise", "neighbour");
            long loadStart = System.nanoTime();
            load(app, victim, envelopes);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            TenantLifecycle lifecycle = app.getBean(TenantLifecycle.class);
            lifecycle.deactivate(new TenantId(victim.tenant()), Change.of(Actor.system("benchmark"), "Purge benchmark"), null);
            app.getBean(JdbcClient.class).sql("UPDATE tenant SET purge_after = now() WHERE id = :id").param("id", victim.tenant()).update();

            HttpClient http = HttpClient.newHttpClient();
            steadyLoad(http, port, neighbour.token(), steady, 5);
            List<Long> alone = new ArrayList<>(steadyLoad(http, port, neighbour.token(), steady, aloneSeconds));
            long purgeStart = System.nanoTime();
            CompletableFuture<Void> purge = CompletableFuture.runAsync(() -> app.getBean(TenantPurges.class).runDue());
            List<Long> during = new ArrayList<>();
            while (!purge.isDone()) {
                during.addAll(steadyLoad(http, port, neighbour.token(), steady, 1));
            }
            purge.join();
            double purgeSeconds = (System.nanoTime() - purgeStart) / 1e9;
            alone.addAll(steadyLoad(http, port, neighbour.token(), steady, aloneSeconds));
            var state = app.getBean(TenantPurges.class).state(new TenantId(victim.tenant()));
            if (state.status() != com.iusign.platform.lifecycle.TenantStatus.PURGED) {
                throw new IllegalStateException("The purge did not finish: " + state);
            }
            long rows = state.purge().rowsDeleted().values().stream().mapToLong(Long::longValue).sum();
            double aloneP99 = BenchApp.percentile(alone, 99);
            double duringP99 = BenchApp.percentile(during, 99);
            String report = String.format("""

                    | purge of a tenant with %,d envelopes (+ %,d recipients), batches of %s | value |
                    |---|---|
                    | status after | %s |
                    | rows deleted | %,d (%s) |
                    | batches | %,d |
                    | purge time (key destroyed, rows deleted, tombstone, signed record) | %.1f s (%,.0f rows/s) |
                    | loading the envelopes (set-based SQL, for scale) | %.1f s |
                    | other tenant, steady %d req/s on `GET /api/v1/me`: without a purge (%d s before + %d s after) | %,d requests, p50 %.2f ms, p99 %.2f ms |
                    | the same tenant during the purge | %,d requests, p50 %.2f ms, p99 %.2f ms |
                    | **ratio p99 during / without** | **%.2f** (goal ≤ 1.2) |
                    """, envelopes, envelopes, app.getEnvironment().getProperty("iusign.retention.purge-batch-size", "1000"), state.status(),
                    rows, state.purge().rowsDeleted(), state.purge().batches(), purgeSeconds, rows / purgeSeconds, loadSeconds, steady,
                    aloneSeconds, aloneSeconds, alone.size(), BenchApp.percentile(alone, 50), aloneP99, during.size(),
                    BenchApp.percentile(during, 50), duringP99, duringP99 / aloneP99);
            BenchApp.report("purge-benchmark.md", report);
        } finally {
            app.close();
        }
    }

    /** The victim's envelopes and recipients, set-based as the owner role inside the tenant's row-level scope. */
    private static void load(ConfigurableApplicationContext app, BenchApp.Owner victim, int envelopes) throws Exception {
        var environment = app.getEnvironment();
        try (Connection sql = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            sql.setAutoCommit(false);
            sql.createStatement().execute("SELECT set_config('app.tenant_id', '" + victim.tenant() + "', true)");
            var owners = sql.createStatement().executeQuery("SELECT id FROM tenant_user WHERE role = 'OWNER'");
            owners.next();
            String owner = owners.getString(1);
            sql.createStatement().execute("""
                    INSERT INTO envelope (id, tenant_id, title, status, created_by, created_at)
                    SELECT gen_random_uuid(), '%s', 'Bench envelope ' || g, 'DRAFT', '%s', now() - g * interval '1 second'
                      FROM generate_series(1, %d) g""".formatted(victim.tenant(), owner, envelopes));
            sql.createStatement().execute("""
                    INSERT INTO recipient (id, tenant_id, envelope_id, position, name, email)
                    SELECT gen_random_uuid(), tenant_id, id, 1, 'Signer', 'signer@bench.test' FROM envelope WHERE tenant_id = '%s'"""
                    .formatted(victim.tenant()));
            sql.commit();
            sql.setAutoCommit(true);
            sql.createStatement().execute("VACUUM ANALYZE envelope");
            sql.createStatement().execute("VACUUM ANALYZE recipient");
        }
    }

    private static List<Long> steadyLoad(HttpClient http, int port, String token, int perSecond, int seconds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (long n = 0; n < (long) perSecond * seconds; n++) {
            NoisyNeighbourBenchmark.pace(start, n, perSecond);
            long t0 = System.nanoTime();
            int status = NoisyNeighbourBenchmark.me(http, port, token);
            latencies.add(System.nanoTime() - t0);
            if (status != 200) {
                throw new IllegalStateException("The neighbour's request was answered " + status);
            }
        }
        return latencies;
    }

    private PurgeBenchmark() {
    }
}
