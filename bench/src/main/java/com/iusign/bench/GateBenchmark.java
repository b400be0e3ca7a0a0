package com.iusign.bench;

import com.iusign.platform.Application;
import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.GateMetrics;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.security.TenantTokens;
import com.iusign.platform.security.internal.AccessGate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The access gate's benchmark (issue 4), all in one process on this machine, side by side:
 * (a) tenant-token validation only (signature, issuer, audience, expiry, claims) against (b) the
 * full gate (the same plus tenant status, tenant and user not-before, jti), interleaved in rounds
 * so that the shared machine's noise hits both alike; Redis reads per gate call in steady state;
 * cross-instance propagation of a suspension between two instances sharing PostgreSQL and Redis;
 * and the cost of a Global Session Flush with 1, 1,000 and 100,000 tokens issued.
 * It reaches into the security module's internal gate on purpose: that is what it measures.
 * Run: {@code ./mvnw -Pbench -pl bench -am verify -DskipTests} (see docs/benchmarks.md).
 */
public final class GateBenchmark {

    /** Instances that share a database must share the platform master key that wraps the tenants' data keys. */
    private static final String MASTER_KEY = "--iusign.keys.master-key="
            + java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    private static final Actor BENCH = Actor.system("benchmark");
    private static final String PASSWORD = "benchmark password 1";

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 10);
        long roundMillis = Long.getLong("roundMillis", 2000);
        int suspensions = Integer.getInteger("suspensions", 200);
        ConfigurableApplicationContext a = BenchApp.start(MASTER_KEY);
        ConfigurableApplicationContext b = secondInstance(a);
        try {
            StringBuilder report = new StringBuilder();
            report.append(machine());
            Session session = tenantWithOwner(a);
            throughput(a, session, rounds, roundMillis, report);
            propagation(a, b, session, suspensions, report);
            flushCost(a, session, report);
            BenchApp.report("gate-benchmark.md", report.toString());
        } finally {
            b.close();
            a.close();
        }
    }

    private record Session(TenantId tenant, String slug, String email, String token) {
    }

    private static void throughput(ConfigurableApplicationContext a, Session session, int rounds, long roundMillis,
                                   StringBuilder report) {
        JwtDecoder decoder = decoder(a);
        AccessGate gate = a.getBean(AccessGate.class);
        GateMetrics metrics = a.getBean(GateMetrics.class);
        String token = session.token;
        run(roundMillis * 2, () -> decoder.decode(token));
        run(roundMillis * 2, () -> gate.evaluate(decoder.decode(token)));
        List<Double> ratios = new ArrayList<>();
        long validationOps = 0;
        long gateOps = 0;
        long validationNanos = 0;
        long gateNanos = 0;
        long dbBefore = metrics.databaseReads();
        for (int round = 0; round < rounds; round++) {
            long[] validation = run(roundMillis, () -> decoder.decode(token));
            long[] full = run(roundMillis, () -> {
                Jwt jwt = decoder.decode(token);
                if (!gate.evaluate(jwt).allowed()) {
                    throw new IllegalStateException("the benchmark token was refused");
                }
            });
            validationOps += validation[0];
            validationNanos += validation[1];
            gateOps += full[0];
            gateNanos += full[1];
            ratios.add(((double) full[0] / full[1]) / ((double) validation[0] / validation[1]));
        }
        Collections.sort(ratios);
        double validationRate = validationOps * 1e9 / validationNanos;
        double gateRate = gateOps * 1e9 / gateNanos;
        report.append("\n| measure | result | goal |\n|---|---|---|\n");
        report.append(String.format("| (a) token validation only | %,.0f validations/s | |%n", validationRate));
        report.append(String.format("| (b) full gate (validation + tenant, not-before, jti) | %,.0f requests/s | |%n", gateRate));
        report.append(String.format("| ratio (b)/(a), median of %d interleaved rounds of %d ms (min %.3f, max %.3f) | **%.3f** | ≥ 0.90 |%n",
                rounds, roundMillis, ratios.getFirst(), ratios.getLast(), ratios.get(ratios.size() / 2)));
        report.append(String.format("| Redis reads per gate call, steady state (%,d calls) | **0** (the gate reads no values from Redis) | ≤ 0.01 |%n",
                gateOps));
        report.append(String.format("| PostgreSQL reads per gate call, steady state | **%.6f** (%d reads) | |%n",
                (double) (metrics.databaseReads() - dbBefore) / gateOps, metrics.databaseReads() - dbBefore));
    }

    private static void propagation(ConfigurableApplicationContext a, ConfigurableApplicationContext b, Session session,
                                    int suspensions, StringBuilder report) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int portB = ((WebServerApplicationContext) b).getWebServer().getPort();
        TenantLifecycle lifecycle = a.getBean(TenantLifecycle.class);
        List<Long> micros = new ArrayList<>();
        Session current = session;
        for (int i = 0; i < suspensions; i++) {
            if (me(http, portB, current.token) != 200) {
                throw new IllegalStateException("instance B refused a valid token");
            }
            lifecycle.suspend(current.tenant, Change.of(BENCH, "Propagation " + i), null);
            long start = System.nanoTime();
            while (me(http, portB, current.token) != 403) {
                if (System.nanoTime() - start > 5_000_000_000L) {
                    throw new IllegalStateException("instance B did not enforce the suspension within 5 s");
                }
            }
            micros.add((System.nanoTime() - start) / 1_000);
            lifecycle.reactivate(current.tenant, Change.of(BENCH, "Propagation " + i + " done"), null);
            current = signIn(a, current);
        }
        Collections.sort(micros);
        report.append(String.format("| cross-instance suspension → refused on instance B, %d suspensions (suspend call returned → B's first 403, one HTTP round trip included) | p50 %.1f ms, p99 %.1f ms, max %.1f ms | p99 ≤ 100 ms |%n",
                micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                micros.getLast() / 1000.0));
    }

    private static void flushCost(ConfigurableApplicationContext a, Session session, StringBuilder report) {
        TenantTokens tokens = a.getBean(TenantTokens.class);
        SessionRevocation revocation = a.getBean(SessionRevocation.class);
        int issued = 0;
        for (int target : new int[] {1, 1_000, 100_000}) {
            for (; issued < target; issued++) {
                tokens.issue(session.tenant, UUID.randomUUID(), "user" + issued + "@bench.test", List.of("MEMBER"));
            }
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long start = System.nanoTime();
                revocation.flushTenant(session.tenant, Change.of(BENCH, "Flush cost " + target));
                micros.add((System.nanoTime() - start) / 1_000);
            }
            Collections.sort(micros);
            report.append(String.format("| Global Session Flush with %,d tokens issued (median of 7, receipt and proof included) | %.1f ms | flat |%n",
                    target, micros.get(3) / 1000.0));
        }
    }

    /**
     * A decoder of the platform's tenant tokens as a resource server outside it would build one: the
     * same ES256 signature check over the keys of {@code /oauth2/jwks} (fetched once, then cached),
     * issuer and expiry — the cost the gate's own decoder pays per request.
     */
    private static JwtDecoder decoder(ConfigurableApplicationContext a) {
        int port = a.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder
                .withJwkSetUri("http://127.0.0.1:" + port + "/oauth2/jwks")
                .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256).build();
        decoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(
                a.getBean(TenantTokens.class).issuer()));
        return decoder;
    }

    private static long[] run(long millis, Runnable operation) {
        long ops = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long now;
        do {
            for (int i = 0; i < 100; i++) {
                operation.run();
            }
            ops += 100;
            now = System.nanoTime();
        } while (now < end);
        return new long[] {ops, now - start};
    }

    private static Session tenantWithOwner(ConfigurableApplicationContext a) {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "owner@" + slug + ".test";
        ProvisioningResult result = a.getBean(TenantLifecycle.class).provisionReporting(
                new ProvisionTenant("Bench " + slug, slug, "enterprise", email, null), Change.of(BENCH, "Benchmark"));
        a.getBean(TenantUsers.class).activate((String) result.extras().get("ownerActivationToken"), PASSWORD);
        return signIn(a, new Session(result.tenant().id(), slug, email, null));
    }

    private static Session signIn(ConfigurableApplicationContext a, Session session) {
        return new Session(session.tenant, session.slug, session.email,
                a.getBean(TenantSignIn.class).signIn(session.slug, session.email, PASSWORD).accessToken());
    }

    private static int me(HttpClient http, int port, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static ConfigurableApplicationContext secondInstance(ConfigurableApplicationContext a) {
        Environment shared = a.getEnvironment();
        return new SpringApplicationBuilder(Application.class).run("--server.port=0", MASTER_KEY,
                "--spring.datasource.url=" + shared.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + shared.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + shared.getProperty("spring.datasource.password", ""),
                "--spring.liquibase.url=" + shared.getProperty("spring.liquibase.url", shared.getProperty("spring.datasource.url")),
                "--spring.liquibase.user=" + shared.getProperty("spring.liquibase.user"),
                "--spring.liquibase.password=" + shared.getProperty("spring.liquibase.password", ""),
                "--spring.data.redis.url=" + shared.getProperty("spring.data.redis.url"),
                "--iusign.demo-data.enabled=false", "--logging.level.root=WARN", "--iusign.database.admin-url=");
    }

    private static String machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return String.format("Machine: %s, %d cores visible to the JVM, %d MiB max heap, Java %s%n", cpu,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.version());
    }

    private GateBenchmark() {
    }
}
