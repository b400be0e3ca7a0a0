package com.iusign.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The password spray of {@link SignInSprayBenchmark} as a process of its own, so that the
 * attacker's client does not share the platform's JVM (its heap, its GC pauses, its threads):
 * {@code <port> <tenant slug> <attempts per second> <seconds>} from 127.0.0.2, open loop, at most
 * 64 in flight; prints the answers by status on its last line.
 */
public final class SprayClient {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String slug = args[1];
        int rate = Integer.parseInt(args[2]);
        long seconds = Long.parseLong(args[3]);
        HttpClient attacker = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2")).build();
        Map<Integer, AtomicLong> answers = new ConcurrentSkipListMap<>();
        Semaphore inFlight = new Semaphore(64);
        System.out.println("started");
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long n = 0; n < rate * seconds; n++) {
                long wait = start + n * 1_000_000_000L / rate - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (!inFlight.tryAcquire()) {
                    answers.computeIfAbsent(-1, code -> new AtomicLong()).incrementAndGet();
                    continue;
                }
                sends.submit(() -> {
                    try {
                        String body = "{\"tenant\":\"%s\",\"email\":\"%s@%s.test\",\"password\":\"Winter2026!\"}"
                                .formatted(slug, UUID.randomUUID(), slug);
                        int status = attacker.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        answers.computeIfAbsent(status, code -> new AtomicLong()).incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        System.out.println("answers " + answers);
    }

    private SprayClient() {
    }
}
