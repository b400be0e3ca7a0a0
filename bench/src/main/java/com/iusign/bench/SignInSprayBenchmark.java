package com.iusign.bench;

import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A password spray from one address (127.0.0.2: a new e-mail every attempt, so each costs a
 * bcrypt and no per-account lockout helps; offered at a fixed rate, {@code -Dspray}, default 100/s,
 * open loop so that slow answers do not slow the attacker down) against tenant B's steady {@code GET /api/v1/me} from
 * another address (127.0.0.1). Two instances in one JVM, rounds interleaved so the machine's
 * noise hits all arms alike: one as the platform was before this change (no per-address throttle,
 * no bound on concurrent password hashing), one with the defaults. The attacker's client runs in
 * its own process ({@link SprayClient}), so it shares the machine's two cores but not the
 * platform's heap, GC or threads. Reports B's p99 during the spray over
 * B's p99 alone on each, and B's latency alone on both (the throttle's own cost on valid traffic).
 */
public final class SignInSprayBenchmark {

    private static final String PASSWORD = "spray benchmark passphrase 9";
    private static final Actor BENCH = Actor.system("benchmark");
    private static final int MAX_IN_FLIGHT = 64;

    public static void main(String[] args) throws Exception {
        int steady = Integer.getInteger("steady", 20);
        int sprayRate = Integer.getInteger("spray", 100);
        int rounds = Integer.getInteger("rounds", 3);
        int roundSeconds = Integer.getInteger("roundSeconds", 10);
        // Before this change: no per-address throttle and no bound on concurrent password hashing.
        ConfigurableApplicationContext before = BenchApp.start("--iusign.throttle.enabled=false",
                "--iusign.sign-in.concurrent-password-checks=10000");
        ConfigurableApplicationContext after = BenchApp.start();
        try {
            Arm[] arms = {new Arm("before: no throttle, unbounded bcrypt", before), new Arm("after: defaults", after)};
            HttpClient bystander = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
            for (Arm arm : arms) {
                steadyLoad(bystander, arm, steady, 3, new ArrayList<>());
            }
            for (int round = 0; round < rounds; round++) {
                for (Arm arm : arms) {
                    arm.signIn();
                    steadyLoad(bystander, arm, steady, roundSeconds, arm.alone);
                    Process attacker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-Xmx256m", "-cp", System.getProperty("java.class.path"), SprayClient.class.getName(),
                            Integer.toString(arm.port), arm.slug, Integer.toString(sprayRate), Integer.toString(roundSeconds))
                            .redirectErrorStream(true).start();
                    BufferedReader output = new BufferedReader(new InputStreamReader(attacker.getInputStream()));
                    output.readLine(); // "started": the attacker's JVM is up before B's spray phase begins
                    steadyLoad(bystander, arm, steady, roundSeconds, arm.sprayed);
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        if (line.startsWith("answers ")) {
                            arm.sprayAnswers.add(line.substring("answers ".length()));
                        }
                    }
                    attacker.waitFor();
                }
            }
            StringBuilder report = new StringBuilder(String.format("""

                    Tenant B steady at %d req/s on `GET /api/v1/me` from 127.0.0.1; a spray of %d attempts/s offered from 127.0.0.2
                    (a process of its own, open loop, at most %d in flight; `POST /api/v1/auth/token`, a new e-mail each attempt);
                    %d rounds of %d s per arm, interleaved. Spray answers by status per round (-1: not sent, %d already in flight).

                    | instance | B alone p50 | B alone p99 | B during spray p50 | B during spray p99 | **p99 ratio** (goal ≤ 1.2 with the throttle) | spray answers |
                    |---|---|---|---|---|---|---|
                    """, steady, sprayRate, MAX_IN_FLIGHT, rounds, roundSeconds, MAX_IN_FLIGHT));
            for (Arm arm : arms) {
                report.append(String.format("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | **%.2f** | %s |%n", arm.name,
                        BenchApp.percentile(arm.alone, 50), BenchApp.percentile(arm.alone, 99), BenchApp.percentile(arm.sprayed, 50), BenchApp.percentile(arm.sprayed, 99),
                        BenchApp.percentile(arm.sprayed, 99) / BenchApp.percentile(arm.alone, 99), arm.sprayAnswers));
            }
            report.append(String.format("%nB alone, throttle on / throttle off (the checks' cost on valid traffic): p50 %.2f, p99 %.2f."
                            + " B's answers other than 200: %s.%n",
                    BenchApp.percentile(arms[1].alone, 50) / BenchApp.percentile(arms[0].alone, 50), BenchApp.percentile(arms[1].alone, 99) / BenchApp.percentile(arms[0].alone, 99),
                    REFUSED.isEmpty() ? "none" : REFUSED));
            BenchApp.report("sign-in-spray-benchmark.md", report.toString());
        } finally {
            before.close();
            after.close();
        }
    }

    private static final Map<Integer, AtomicLong> REFUSED = new ConcurrentSkipListMap<>();

    private static final class Arm {
        final String name;
        final int port;
        final String slug;
        final ConfigurableApplicationContext app;
        final String email;
        String token;
        final List<Long> alone = new ArrayList<>();
        final List<Long> sprayed = new ArrayList<>();
        final List<String> sprayAnswers = new ArrayList<>();

        Arm(String name, ConfigurableApplicationContext app) {
            this.name = name;
            this.port = ((WebServerApplicationContext) app).getWebServer().getPort();
            this.app = app;
            this.slug = "spray-" + UUID.randomUUID().toString().substring(0, 8);
            this.email = "owner@" + slug + ".test";
            ProvisioningResult result = app.getBean(TenantLifecycle.class).provisionReporting(
                    new ProvisionTenant("Spray " + slug, slug, "enterprise", email, null), Change.of(BENCH, "Benchmark"));
            app.getBean(TenantUsers.class).activate((String) result.extras().get("ownerActivationToken"), PASSWORD);
            signIn();
        }

        /** A fresh access token (they live five minutes; a long run outlasts one). */
        void signIn() {
            token = app.getBean(TenantSignIn.class).signIn(slug, email, PASSWORD).accessToken();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** Open-loop: request n is due at start + n / rate, however long the earlier ones took. */
    private static void steadyLoad(HttpClient http, Arm arm, int perSecond, int seconds, List<Long> latencies) throws Exception {
        long start = System.nanoTime();
        for (long n = 0; n < (long) perSecond * seconds; n++) {
            long wait = start + n * 1_000_000_000L / perSecond - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long t0 = System.nanoTime();
            int status = http.send(HttpRequest.newBuilder(URI.create(arm.url("/api/v1/me"))).header("Authorization", "Bearer " + arm.token)
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies.add(System.nanoTime() - t0);
            if (status != 200) {
                REFUSED.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
            }
        }
    }


    private SignInSprayBenchmark() {
    }
}
