package com.iusign.bench;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.ManifestSort;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The manifest at every keystroke and every filter (issue 16): loads N synthetic tenants ({@link SyntheticTenants},
 * default 1,000,000) and measures every class of query a SuperAdmin can form — the typing sequence from one letter,
 * word starts, unselective fragments (one in a third of the names), slug, domain and id prefixes, every filter alone
 * and with text, every sort, the usage filters, a deep page — each through the façade (the page and, separately, the
 * console's capped count) and end to end through {@code GET /api/admin/manifest?size=50}; then the CSV export's rate
 * and the plans of each class. Run: {@code ./mvnw -Pbench -pl bench -am verify -DskipTests
 * -Dbench.main=com.iusign.bench.ManifestBenchmark [-Dtenants=10000000] [-Dqueries=60]} (docs/benchmarks.md); while working
 * on a class, {@code -Dreuse=<dir>} keeps the embedded database in {@code dir} and loads it only once, and
 * {@code -Dclasses=<regex>} measures only the classes whose name it finds.
 */
public final class ManifestBenchmark {

    private static final int QUERIES = Integer.getInteger("queries", 60);
    private static final int COUNT_CAP = 1000;

    public static void main(String[] args) throws Exception {
        int tenants = Integer.getInteger("tenants", 1_000_000);
        // A pathological plan shows as a timeout in its class instead of stalling the run.
        String reuse = System.getProperty("reuse");
        Pattern only = Pattern.compile(System.getProperty("classes", ".*"));
        ConfigurableApplicationContext app = reuse == null
                ? BenchApp.start("--spring.datasource.hikari.connection-init-sql=SET statement_timeout = 15000")
                : BenchApp.start("--spring.datasource.hikari.connection-init-sql=SET statement_timeout = 15000",
                        "--iusign.embedded.ephemeral=false", "--iusign.embedded.data-dir=" + reuse);
        try {
            TenantManifest manifest = app.getBean(TenantManifest.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long loadStart = System.nanoTime();
            boolean loaded = reuse != null && jdbc.sql("SELECT count(*) FROM tenant_manifest").query(Long.class).single() == tenants;
            if (!loaded) {
                SyntheticTenants.load(app, tenants);
            } else {
                SyntheticTenants.vacuum(app);
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            Http http = new Http(app);
            Random random = new Random(16);
            List<String> ids = jdbc.sql("SELECT id_text FROM tenant_manifest TABLESAMPLE SYSTEM (1) LIMIT 1000").query(String.class).list();
            List<String> slugs = jdbc.sql("SELECT slug FROM tenant_manifest TABLESAMPLE SYSTEM (1) LIMIT 1000").query(String.class).list();
            String version = jdbc.sql("SHOW server_version").query(String.class).single();
            String visible = jdbc.sql("""
                    SELECT string_agg(relname || ' ' || relallvisible || ' of ' || relpages, ', ' ORDER BY relname) FROM pg_class
                     WHERE relname IN ('tenant_manifest', 'tenant_manifest_word')""").query(String.class).single();

            Map<String, IntFunction<String>> classes = new LinkedHashMap<>();
            for (String typed : List.of("a", "ac", "acm", "acme", "acme b", "acme ba", "acme ban", "acme bank", "acme bank 4", "acme bank 42")) {
                classes.put("typing: q=" + typed, i -> "q=" + typed);
            }
            classes.put("one letter: q=k", i -> "q=k");
            classes.put("word start inside a name, a generated word (q=<2 syllables>)", i -> "q=" + SyntheticTenants.word(random.nextInt(1600)));
            classes.put("word start inside a name: q=notaries", i -> "q=notaries");
            classes.put("worst-case fragment, in a third of the names: q=ban", i -> "q=ban");
            classes.put("fragment inside a word only: q=rban", i -> "q=rban");
            classes.put("fragment, accents folded: q=zurich", i -> "q=zurich");
            classes.put("selective: q=<word> <trade> <number>", i -> "q=" + SyntheticTenants.word(random.nextInt(1600)) + " "
                    + SyntheticTenants.TRADES[10 + random.nextInt(20)].toLowerCase() + " " + (1000 + random.nextInt(9000)));
            classes.put("slug prefix (q=<slug without its number>-)", i -> {
                String slug = slugs.get(random.nextInt(slugs.size()));
                return "q=" + slug.substring(0, slug.lastIndexOf('-') + 1);
            });
            classes.put("slug prefix + filter (q=<slug without its number>-&status=SUSPENDED)", i -> {
                String slug = slugs.get(random.nextInt(slugs.size()));
                return "q=" + slug.substring(0, slug.lastIndexOf('-') + 1) + "&status=SUSPENDED";
            });
            classes.put("exact slug", i -> "q=" + slugs.get(random.nextInt(slugs.size())));
            classes.put("domain prefix: q=sign.acme", i -> "q=sign.acme");
            classes.put("id prefix (8 hex digits)", i -> "q=" + ids.get(random.nextInt(ids.size())).substring(0, 8));
            classes.put("no filter, by name", i -> "");
            for (String filter : List.of("status=SUSPENDED", "status=DEACTIVATED", "plan=enterprise", "subscription=PAST_DUE",
                    "plan=business&subscription=PAST_DUE", "status=SUSPENDED&plan=business&subscription=TRIALING", "usage=APPROACHING",
                    "usage=OVER", "inactiveDays=30", "inactiveDays=115")) {
                classes.put("filter: " + filter, i -> filter);
            }
            classes.put("filter: createdFrom (last 30 days)", i -> "createdFrom=" + Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS));
            for (String combined : List.of("q=a&plan=enterprise", "q=acme&status=SUSPENDED", "q=ban&subscription=PAST_DUE", "q=k&usage=OVER",
                    "q=acme b&status=DEACTIVATED&plan=starter", "q=acme-&status=DEACTIVATED&plan=starter")) {
                classes.put("text + filter: " + combined, i -> combined);
            }
            for (String sort : List.of("created", "statusChanged", "lastActivity", "envelopesThisMonth", "seatsUsed")) {
                classes.put("sort=" + sort, i -> "sort=" + sort);
            }
            classes.put("status=SUSPENDED&sort=created", i -> "status=SUSPENDED&sort=created");
            classes.put("q=acme&sort=lastActivity", i -> "q=acme&sort=lastActivity");
            classes.put("q=ban&sort=seatsUsed", i -> "q=ban&sort=seatsUsed");

            StringBuilder report = new StringBuilder(String.format(
                    "%nPostgreSQL %s (embedded), %,d tenants, %d queries per class after a warm pass over every class and 5 warm-up (p50 / p95, ms); page = one page of 50 "
                            + "through TenantManifest.search; count = the console's capped count (%,d) through TenantManifest.count; HTTP = "
                            + "GET /api/admin/manifest?size=50 end to end (JSON included).%n%n"
                            + "| class | matches (capped) | page p50 | page p95 | count p95 | HTTP p50 | HTTP p95 |%n|---|---|---|---|---|---|---|%n",
                    version, tenants, QUERIES, COUNT_CAP));
            List<String> slow = new ArrayList<>();
            StringBuilder plans = new StringBuilder();
            // One pass over every class first, so that the first classes are not measured while the JIT still compiles
            // the HTTP path (q=a, measured first, had the run's worst HTTP p95) and every class is measured warm alike.
            for (int pass = 0; pass < 3; pass++) {
                for (IntFunction<String> filter : classes.values()) {
                    manifest.search(query(filter.apply(pass), 50));
                    manifest.count(query(filter.apply(pass), 50), COUNT_CAP);
                    http.page(filter.apply(pass));
                }
            }
            for (Map.Entry<String, IntFunction<String>> entry : classes.entrySet()) {
                if (!only.matcher(entry.getKey()).find()) {
                    continue;
                }
                IntFunction<String> filter = entry.getValue();
                List<String> inputs = java.util.stream.IntStream.range(0, QUERIES + 5).mapToObj(filter).toList();
                Timing page = time(inputs, q -> manifest.search(query(q, 50)).items().size());
                Timing count = time(inputs, q -> (int) manifest.count(query(q, 50), COUNT_CAP).value());
                Timing overHttp = time(inputs, http::page);
                TenantManifest.ManifestCount matches = manifest.count(query(filter.apply(0), 50), COUNT_CAP);
                String line = String.format("| %s | %s%,d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", entry.getKey(), matches.atLeast() ? "> " : "",
                        matches.value(), page.p50(), page.p95(), count.p95(), overHttp.p50(), overHttp.p95());
                System.out.print(line);
                report.append(line);
                if (Math.max(page.p95(), Math.max(count.p95(), overHttp.p95())) > (tenants > 1_000_000 ? 50 : 20)) {
                    slow.add(entry.getKey());
                }
                plans.append("\n").append(entry.getKey()).append(" (").append(filter.apply(0)).append("):\n    ")
                        .append(String.join("\n", manifest.explain(query(filter.apply(0), 50), COUNT_CAP)).replace("\n", "\n    ")).append("\n");
                if (!page.slowest().equals(filter.apply(0))) {
                    // A class of varying queries: the plans of its slowest page too, the kind that sets its p95.
                    plans.append("\n").append(entry.getKey()).append(", its slowest page (").append(page.slowest()).append(", ")
                            .append(String.format("%.1f ms", page.slowestMillis())).append("):\n    ")
                            .append(String.join("\n", manifest.explain(query(page.slowest(), 50), COUNT_CAP)).replace("\n", "\n    "))
                            .append("\n");
                }
            }
            double[] deep = deepPage(manifest);
            report.append(String.format("| page 20 of q=a (cursor after cursor), each page | | %.1f | %.1f | | | |%n", deep[0], deep[1]));
            // Exports one after another, each whole (-Dexports, 3 by default): the first after the classes, with what
            // they left cached and compiled; the median is reported, and every one.
            long rows = 0;
            double[] seconds = new double[Integer.getInteger("exports", 3)];
            for (int run = 0; run < seconds.length; run++) {
                long exportStart = System.nanoTime();
                rows = http.exportRows("status=SUSPENDED");
                seconds[run] = (System.nanoTime() - exportStart) / 1e9;
            }
            double[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            long exported = rows;
            double median = sorted[sorted.length / 2];
            report.append(String.format("%nCSV export of status=SUSPENDED over HTTP: %,d rows, median of %d exports %.2f s = **%,.0f rows/s** "
                            + "(goal ≥ 100,000; each: %s).%n", rows, sorted.length, median, rows / median,
                    String.join(", ", java.util.Arrays.stream(seconds).mapToObj(s -> String.format("%.2f s = %,.0f rows/s", s, exported / s)).toList())));
            report.append(loaded ? String.format("Tenants reused from %s (loaded by an earlier run, vacuumed and analyzed again); pages all-visible: %s.%n", reuse, visible)
                    : String.format("Load of %,d tenants (one INSERT … SELECT, word rows by trigger, indexes included, then VACUUM ANALYZE): %.0f s; "
                    + "pages all-visible after it (what lets a walk read the index alone): %s.%n", tenants, loadSeconds, visible));
            report.append(slow.isEmpty() ? "\nEvery class within the goal.\n" : "\nOver the goal (" + (tenants > 1_000_000 ? 50 : 20) + " ms at p95): "
                    + String.join("; ", slow) + ".\n");
            BenchApp.report("manifest-benchmark.md", report.toString());
            BenchApp.report("manifest-plans.txt", plans.toString());
        } finally {
            app.close();
        }
    }

    /** The query of a filter string as the API parses it (the same parameter names). */
    static ManifestQuery query(String filter, int size) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : filter.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                parameters.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        String inactive = first(parameters, "inactiveDays");
        String created = first(parameters, "createdFrom");
        return new ManifestQuery(first(parameters, "q"), set(parameters, "status"), set(parameters, "subscription"), set(parameters, "plan"),
                created == null ? null : Instant.parse(created), null, ManifestSort.fromParameter(parameters.containsKey("sort")
                ? first(parameters, "sort") : "name"), size, null, set(parameters, "usage"), inactive == null ? null : Integer.valueOf(inactive));
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        return parameters.containsKey(name) ? parameters.get(name).getFirst() : null;
    }

    private static Set<String> set(Map<String, List<String>> parameters, String name) {
        return new HashSet<>(parameters.getOrDefault(name, List.of()));
    }

    /** p50 and p95 of one page after each of 19 pages of {@code q=a}, followed by cursor. */
    private static double[] deepPage(TenantManifest manifest) {
        List<Long> nanos = new ArrayList<>();
        for (int run = 0; run < Math.max(3, QUERIES / 10); run++) {
            ManifestQuery query = query("q=a", 50);
            for (int page = 0; page < 20; page++) {
                long start = System.nanoTime();
                var result = manifest.search(query);
                nanos.add(System.nanoTime() - start);
                if (result.nextCursor() == null) {
                    break;
                }
                query = query.next(result.nextCursor());
            }
        }
        return new double[] {BenchApp.percentile(nanos, 50), BenchApp.percentile(nanos, 95)};
    }

    /** p50 and p95 (ms) of a class's runs, and its slowest run's input and time. */
    private record Timing(double p50, double p95, String slowest, double slowestMillis) {
    }

    /** Runs the first 5 inputs to warm up, then times each of the rest. */
    private static Timing time(List<String> inputs, java.util.function.ToIntFunction<String> run) {
        inputs.subList(0, 5).forEach(run::applyAsInt);
        List<Long> nanos = new ArrayList<>();
        String slowest = null;
        long slowestNanos = -1;
        for (String input : inputs.subList(5, inputs.size())) {
            long start = System.nanoTime();
            run.applyAsInt(input);
            long took = System.nanoTime() - start;
            nanos.add(took);
            if (took > slowestNanos) {
                slowest = input;
                slowestNanos = took;
            }
        }
        return new Timing(BenchApp.percentile(nanos, 50), BenchApp.percentile(nanos, 95), slowest, slowestNanos / 1e6);
    }

    /** The admin API over loopback HTTP, with a client registered for the benchmark and its token renewed as it ages. */
    private static final class Http {

        private final HttpClient client = HttpClient.newHttpClient();
        private final String base;
        private final String basic;
        private String token;
        private long tokenAt;

        Http(ConfigurableApplicationContext app) {
            base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            RegisteredApiClient registered = app.getBean(AdminApiClients.class).register("Manifest benchmark", "bench@iusign.test");
            basic = Base64.getEncoder().encodeToString((registered.client().clientId() + ":" + registered.secret()).getBytes(StandardCharsets.UTF_8));
        }

        int page(String filter) {
            HttpResponse<String> response = send("/api/admin/manifest?size=50" + (filter.isEmpty() ? "" : "&" + encode(filter)),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(filter + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().length();
        }

        long exportRows(String filter) throws Exception {
            HttpResponse<InputStream> response = send("/api/admin/manifest/export.csv?" + filter, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                return lines.lines().count() - 1;
            }
        }

        private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token()).build(), handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private String token() throws Exception {
            if (token == null || System.nanoTime() - tokenAt > 60_000_000_000L) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
                String body = response.body();
                int start = body.indexOf("\"access_token\":\"") + 16;
                token = body.substring(start, body.indexOf('"', start));
                tokenAt = System.nanoTime();
            }
            return token;
        }

        /** Re-encodes each value of a filter string for the URL (spaces, colons). */
        private static String encode(String filter) {
            List<String> pairs = new ArrayList<>();
            for (String pair : filter.split("&")) {
                String[] parts = pair.split("=", 2);
                pairs.add(parts[0] + "=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8));
            }
            return String.join("&", pairs);
        }
    }

    private ManifestBenchmark() {
    }
}
