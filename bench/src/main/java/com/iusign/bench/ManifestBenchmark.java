package com.iusign.bench;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The manifest's benchmark (issue 5): loads N synthetic tenants into {@code tenant_manifest} with
 * one set-based INSERT (default 1,000,000), then measures p50/p95/p99 over 200 queries each
 * through {@link TenantManifest#search}: a selective name fragment, an id prefix, a status+plan
 * filter sorted by name, and the 10,000th page of 50 by keyset against the same page by OFFSET.
 * Prints the EXPLAIN plans. Run: {@code ./mvnw -Pbench -pl bench -am verify -DskipTests
 * -Dbench.main=com.iusign.bench.ManifestBenchmark} (see docs/benchmarks.md).
 */
public final class ManifestBenchmark {

    private static final int QUERIES = 200;

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 1_000_000);
        ConfigurableApplicationContext app = BenchApp.start();
        try {
            StringBuilder report = new StringBuilder(String.format("%n| query (%,d tenants, %d queries each) | p50 | p95 | p99 |%n|---|---|---|---|%n",
                    tenants, QUERIES));
            long loadStart = System.nanoTime();
            SyntheticTenants.load(app, tenants);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            TenantManifest manifest = app.getBean(TenantManifest.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Random random = new Random(7);
            List<String> ids = jdbc.sql("SELECT id_text FROM tenant_manifest TABLESAMPLE SYSTEM (1) LIMIT 1000").query(String.class).list();
            row(report, "name fragment (\"<trade> <4-digit number>\", accents folded)", i -> {
                String q = SyntheticTenants.TRADES[random.nextInt(SyntheticTenants.TRADES.length)] + " " + (1000 + random.nextInt(9000));
                return manifest.search(query(q, Set.of(), Set.of(), 50)).items().size();
            });
            row(report, "id prefix (8 hex digits)", i -> manifest.search(query(ids.get(random.nextInt(ids.size())).substring(0, 8),
                    Set.of(), Set.of(), 50)).items().size());
            row(report, "status SUSPENDED + plan business, by name, first page", i -> manifest.search(query(null,
                    Set.of("SUSPENDED"), Set.of("business"), 50)).items().size());
            int depth = Math.min(10_000, tenants / 50 - 1);
            Object[] anchor = jdbc.sql("SELECT name_folded, tenant_id FROM tenant_manifest ORDER BY name_folded, tenant_id OFFSET :o LIMIT 1")
                    .param("o", (depth - 1) * 50L).query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)}).single();
            String keyset = "SELECT tenant_id, name FROM tenant_manifest WHERE (name_folded, tenant_id) > (:v, :id) ORDER BY name_folded, tenant_id LIMIT 50";
            String offset = "SELECT tenant_id, name FROM tenant_manifest ORDER BY name_folded, tenant_id OFFSET :o LIMIT 50";
            double[] keysetMs = row(report, "page " + depth + " of 50 by keyset", i -> jdbc.sql(keyset).param("v", anchor[0])
                    .param("id", anchor[1]).query(Object.class).list().size());
            double[] offsetMs = row(report, "page " + depth + " of 50 by OFFSET", i -> jdbc.sql(offset).param("o", (depth - 1) * 50L)
                    .query(Object.class).list().size());
            report.append(String.format("%nLoad of %,d tenants (one INSERT … SELECT generate_series, indexes included): %.1f s.%n", tenants, loadSeconds));
            report.append(String.format("Keyset vs OFFSET at page %d: %.0f× faster at p50.%n", depth, offsetMs[0] / keysetMs[0]));
            report.append("\nPlans:\n").append(explain(app, "name fragment", "SELECT * FROM (SELECT * FROM tenant_manifest WHERE (slug = 'bank 4242' OR lower(custom_domain) = 'bank 4242' OR name_folded LIKE manifest_fold('%bank 4242%')) OFFSET 0) m ORDER BY name_folded, tenant_id LIMIT 51"))
                    .append(explain(app, "id prefix", "SELECT * FROM (SELECT * FROM tenant_manifest WHERE (slug = '3f2a9c1b' OR lower(custom_domain) = '3f2a9c1b' OR name_folded LIKE manifest_fold('%3f2a9c1b%') OR id_text LIKE '3f2a9c1b%') OFFSET 0) m ORDER BY name_folded, tenant_id LIMIT 51"))
                    .append(explain(app, "status + plan", "SELECT * FROM tenant_manifest WHERE status IN ('SUSPENDED') AND plan IN ('business') ORDER BY name_folded, tenant_id LIMIT 51"))
                    .append(explain(app, "keyset", keyset.replace(":v", "'" + anchor[0].toString().replace("'", "''") + "'").replace(":id", "'" + anchor[1] + "'")))
                    .append(explain(app, "offset", offset.replace(":o", Long.toString((depth - 1) * 50L))));
            BenchApp.report("manifest-benchmark.md", report.toString());
        } finally {
            app.close();
        }
    }

    private static ManifestQuery query(String q, Set<String> statuses, Set<String> plans, int size) {
        return new ManifestQuery(q, statuses, Set.of(), plans, null, null, ManifestSort.NAME, size, null);
    }

    private static double[] row(StringBuilder report, String label, IntFunction<Integer> query) {
        for (int i = 0; i < 20; i++) {
            query.apply(i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            query.apply(i);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        double[] result = {millis.get(QUERIES / 2), millis.get((int) (QUERIES * 0.95) - 1), millis.get((int) (QUERIES * 0.99) - 1)};
        report.append(String.format("| %s | %.1f ms | %.1f ms | %.1f ms |%n", label, result[0], result[1], result[2]));
        return result;
    }

    private static String explain(ConfigurableApplicationContext app, String label, String sql) {
        List<String> plan = app.getBean(JdbcClient.class).sql("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql).query(String.class).list();
        return "\n" + label + ":\n    " + String.join("\n    ", plan) + "\n";
    }

    private ManifestBenchmark() {
    }
}
