package com.iusign.bench;

import com.iusign.platform.Application;
import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run("--server.port=0",
                "--spring.datasource.url=", "--spring.data.redis.url=", "--iusign.embedded.ephemeral=true",
                "--iusign.demo-data.enabled=false", "--logging.level.root=WARN", "--iusign.database.admin-url=");
        try {
            StringBuilder report = new StringBuilder(String.format("%n| query (%,d tenants, %d queries each) | p50 | p95 | p99 |%n|---|---|---|---|%n",
                    tenants, QUERIES));
            long loadStart = System.nanoTime();
            generate(app, tenants);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            TenantManifest manifest = app.getBean(TenantManifest.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Random random = new Random(7);
            List<String> ids = jdbc.sql("SELECT id_text FROM tenant_manifest TABLESAMPLE SYSTEM (1) LIMIT 1000").query(String.class).list();
            row(report, "name fragment (\"<trade> <4-digit number>\", accents folded)", i -> {
                String q = TRADES[random.nextInt(TRADES.length)] + " " + (1000 + random.nextInt(9000));
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
            System.out.println(report);
            Path out = Path.of("target", "manifest-benchmark.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println("Written to " + out.toAbsolutePath());
        } finally {
            app.close();
        }
    }

    static final String[] TRADES = {"legal", "bank", "health", "logistics", "insurance", "realty", "capital", "energy", "pharma",
            "labs", "notaries", "mortgages", "zurich", "malmo", "krakow", "sao paulo", "medical", "nandu"};

    static final String[] WORDS = {"acme", "northwind", "contoso", "globex", "initech", "umbrella", "stark", "wayne", "hooli",
            "vandelay", "tyrell", "cyberdyne", "aperture", "soylent", "oscorp", "monarch", "zorg", "sirius", "bluth", "prestige"};

    /** One set-based statement: names "<Word> <Trade> <number>", mixed plans, subscriptions and statuses, as the owner role. */
    private static void generate(ConfigurableApplicationContext app, int tenants) throws Exception {
        var environment = app.getEnvironment();
        try (Connection owner = DriverManager.getConnection(environment.getProperty("spring.liquibase.url"),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""))) {
            owner.createStatement().execute("""
                    INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status,
                                                 owner_email, created_at, status_changed_at, source_version)
                    SELECT gen_random_uuid(), n.name, manifest_fold(n.name), 'gen-' || g, CASE WHEN g % 4 = 0 THEN 'sign.gen-' || g || '.example.com' END,
                           (ARRAY['starter','starter','business','enterprise'])[1 + g % 4],
                           (ARRAY['TRIALING','ACTIVE','ACTIVE','ACTIVE','PAST_DUE','CANCELED'])[1 + g % 6],
                           (ARRAY['ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','ACTIVE','SUSPENDED','DEACTIVATED'])[1 + (g / 7) % 10],
                           'owner@gen-' || g || '.example.com', now() - (g % 1000) * interval '1 day', now() - (g % 97) * interval '1 hour', 0
                      FROM generate_series(1, {N}) g
                      CROSS JOIN LATERAL (SELECT initcap((ARRAY['{WORDS}'])[1 + g % 20]) || ' '
                             || (ARRAY['Legal','Bank','Health','Logistics','Insurance','Realty','Capital','Energy','Pharma','Labs',
                                       'Notaries','Mortgages','Zürich','Malmö','Kraków','São Paulo','Médical','Ñandú'])[1 + (g / 20) % 18]
                             || ' ' || (1000 + (g::bigint * 7919) % 9000)::text AS name) n""".replace("{N}", Integer.toString(tenants)).replace("{WORDS}", String.join("','", WORDS)));
            owner.createStatement().execute("ANALYZE tenant_manifest");
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
