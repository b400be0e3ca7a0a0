package com.iusign.bench;

import com.iusign.platform.security.internal.TenantRateLimiter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Noisy neighbour: tenant B runs a steady load while tenant A floods at 10× its plan's rate.
 * Rounds alternate "B alone" and "B during A's flood" in one JVM, so the machine's noise hits both
 * arms alike; B's p99 under the flood over B's p99 alone is the number. Also the limiter's own
 * cost: {@code TenantRateLimiter.acquire} (one Redis script call per lease of the tenant's budget) timed in isolation.
 */
public final class NoisyNeighbourBenchmark {


    public static void main(String[] args) throws Exception {
        int limit = Integer.getInteger("limit", 50);
        int steady = Integer.getInteger("steady", 20);
        int rounds = Integer.getInteger("rounds", 4);
        int roundSeconds = Integer.getInteger("roundSeconds", 10);
        ConfigurableApplicationContext app = BenchApp.start();
        ExecutorService flooders = Executors.newFixedThreadPool(4);
        try {
            app.getBean(JdbcClient.class).sql("""
                    INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order, api_requests_per_second, api_burst)
                    VALUES ('noisy-bench', 'Noisy bench', 10, 10, 99, :limit, :limit)""").param("limit", limit).update();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            BenchApp.Owner ownerA = BenchApp.owner(app, "noisy-bench", "noisy");
            BenchApp.Owner ownerB = BenchApp.owner(app, "noisy-bench", "noisy");
            String a = ownerA.token();
            String b = ownerB.token();
            HttpClient http = HttpClient.newHttpClient();
            // Warm up at B's own steady rate: a faster warm-up would empty B's bucket and get B's first measured call refused.
            steadyLoad(http, port, b, steady, 5);
            B_REFUSED.clear();
            List<Long> alone = new ArrayList<>();
            List<Long> flooded = new ArrayList<>();
            AtomicLong floodAllowed = new AtomicLong();
            AtomicLong floodLimited = new AtomicLong();
            long floodNanos = 0;
            for (int round = 0; round < rounds; round++) {
                alone.addAll(steadyLoad(http, port, b, steady, roundSeconds));
                AtomicBoolean flooding = new AtomicBoolean(true);
                List<Future<?>> flood = new ArrayList<>();
                int perThread = limit * 10 / 4;
                long floodStart = System.nanoTime();
                for (int t = 0; t < 4; t++) {
                    flood.add(flooders.submit(() -> {
                        HttpClient own = HttpClient.newHttpClient();
                        long start = System.nanoTime();
                        for (long n = 0; flooding.get(); n++) {
                            pace(start, n, perThread);
                            int status = me(own, port, a);
                            (status == 429 ? floodLimited : floodAllowed).incrementAndGet();
                        }
                        return null;
                    }));
                }
                flooded.addAll(steadyLoad(http, port, b, steady, roundSeconds));
                flooding.set(false);
                for (Future<?> f : flood) {
                    f.get();
                }
                floodNanos += System.nanoTime() - floodStart;
            }
            TenantRateLimiter limiter = app.getBean(TenantRateLimiter.class);
            UUID probeTenant = ownerB.tenant();
            long[] acquire = new long[5_000];
            for (int i = 0; i < 1_000; i++) {
                limiter.acquire(probeTenant);
            }
            for (int i = 0; i < acquire.length; i++) {
                long t0 = System.nanoTime();
                limiter.acquire(probeTenant);
                acquire[i] = System.nanoTime() - t0;
            }
            Arrays.sort(acquire);
            double floodSeconds = floodNanos / 1e9;
            String report = String.format("""

                    | tenant B (steady %d req/s, plan limit %d/s), %d rounds of %d s per arm | requests | p50 | p99 |
                    |---|---|---|---|
                    | B alone | %d | %.2f ms | %.2f ms |
                    | B while A floods at 10× its limit | %d | %.2f ms | %.2f ms |
                    | **ratio p99 flooded / alone** | | | **%.2f** (goal ≤ 1.2) |

                    Tenant B's requests not answered 200, by status: %s.
                    Tenant A during the floods: %,d requests answered 200, %,d answered 429 (%.0f req/s offered, %.0f req/s admitted).
                    Limiter cost per request (`TenantRateLimiter.acquire`, one Redis script call per lease of the budget, 5,000 calls): p50 %.3f ms, p99 %.3f ms.
                    """, steady, limit, rounds, roundSeconds, alone.size(), BenchApp.percentile(alone, 50), BenchApp.percentile(alone, 99),
                    flooded.size(), BenchApp.percentile(flooded, 50), BenchApp.percentile(flooded, 99), BenchApp.percentile(flooded, 99) / BenchApp.percentile(alone, 99),
                    B_REFUSED.isEmpty() ? "none" : B_REFUSED.toString(), floodAllowed.get(), floodLimited.get(), (floodAllowed.get() + floodLimited.get()) / floodSeconds,
                    floodAllowed.get() / floodSeconds, acquire[acquire.length / 2] / 1e6, acquire[acquire.length * 99 / 100] / 1e6);
            BenchApp.report("noisy-neighbour-benchmark.md", report);
        } finally {
            flooders.shutdownNow();
            app.close();
        }
    }

    private static final java.util.Map<Integer, AtomicLong> B_REFUSED = new java.util.concurrent.ConcurrentSkipListMap<>();

    /**
     * B's load: one request every 1/rate s. If B falls more than a second behind (a stall of this
     * client), the schedule restarts from now rather than catching up in a burst that B's own limit
     * would rightly refuse.
     */
    private static List<Long> steadyLoad(HttpClient http, int port, String token, int perSecond, int seconds) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / perSecond;
        long n = 0;
        for (int sent = 0; sent < perSecond * seconds; sent++, n++) {
            long late = System.nanoTime() - (start + n * interval);
            if (late > 1_000_000_000L) {
                start = System.nanoTime() - n * interval;
            }
            pace(start, n, perSecond);
            long t0 = System.nanoTime();
            int status = me(http, port, token);
            latencies.add(System.nanoTime() - t0);
            if (status != 200) {
                B_REFUSED.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
            }
        }
        return latencies;
    }

    /** Open-loop pacing: request n is due at start + n / rate, however long the earlier ones took. */
    static void pace(long start, long n, int perSecond) throws InterruptedException {
        long due = start + n * 1_000_000_000L / perSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }


    static int me(HttpClient http, int port, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private NoisyNeighbourBenchmark() {
    }
}
