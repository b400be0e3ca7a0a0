package com.iusign.platform.app.faults;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The harness's load: paced workers that keep tenant requests flowing at a known rate and mix —
 * 60 % {@code /api/v1/me} with the tenants' access tokens, 26 % signing-link reads, 4 % sign-ins
 * (each a bcrypt check, the platform's dearest request: it sheds them with 503 when its password
 * checks are all busy), 10 % refreshes (each worker its own rotating chain) — spread over
 * every instance that is up, and record every answer with its start, end and status.
 *
 * <p>A credential is revoked from the instant the harness says so ({@link Tenant#revokeNow()}: the
 * moment the revoking call was acknowledged, or the crashed instance was seen dead), so an answer
 * counts as a revoked credential accepted only when its request started after that instant. A
 * request still in flight when the revoking call was sent ({@link Tenant#revoking()}) and started
 * before that instant is <em>in doubt</em>: the platform may decide it either way, so its answer is
 * neither a revoked credential accepted nor a valid one refused (a sign-in started just before the
 * suspension spends most of a second in its password check and is refused once the suspension has
 * committed — correct, and until this distinction counted as a valid sign-in refused).
 */
final class GateLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM = "urn:iusign:problem:";

    enum Kind { ME, SIGN_IN, REFRESH, LINK }

    /**
     * One answer; status 0 is no answer at all (connection refused or reset, timeout); {@code shed}
     * is the platform's own 503 {@code busy} (its password checks were all taken: retry later).
     */
    record Answer(Kind kind, boolean revoked, boolean inDoubt, String instance, long startNanos, long endNanos, int status, boolean shed,
                  String problem) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        long micros() {
            return (endNanos - startNanos) / 1_000;
        }
    }

    /** A tenant of the load: its owner's credentials and a signing link; revoked from {@code revokedAtNanos} on. */
    static final class Tenant {
        final String id;
        final String slug;
        final String email;
        final String password;
        /** The owner's access token; replaced by every successful refresh, so that a long run's tokens do not expire (10 min). */
        volatile String accessToken;
        final String linkPath;
        volatile long revokedAtNanos = Long.MAX_VALUE;
        volatile long revokingSinceNanos = Long.MAX_VALUE;

        Tenant(String id, String slug, String email, String password, String accessToken, String linkPath) {
            this.id = id;
            this.slug = slug;
            this.email = email;
            this.password = password;
            this.accessToken = accessToken;
            this.linkPath = linkPath;
        }

        /** The revoking call is about to be sent: from now on until {@link #revokeNow()} either answer is right. */
        void revoking() {
            revokingSinceNanos = System.nanoTime();
        }

        void revokeNow() {
            revokedAtNanos = System.nanoTime();
        }

        /** Started before the revocation was certain, and still unanswered when the revoking call went out. */
        boolean inDoubt(long startNanos, long endNanos) {
            return !revokedAt(startNanos) && endNanos >= revokingSinceNanos;
        }

        boolean revokedAt(long nanos) {
            return nanos >= revokedAtNanos;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<List<String>> instances;
    private final List<Tenant> tenants;
    private final double requestsPerSecond;
    private final int workers;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<Integer, String> refreshTokens = new ConcurrentHashMap<>();

    /**
     * @param instances the base URLs of the instances up now (asked before every request, so a stopped one leaves the rotation)
     */
    GateLoad(Supplier<List<String>> instances, List<Tenant> tenants, double requestsPerSecond, int workers) {
        this.instances = instances;
        this.tenants = List.copyOf(tenants);
        this.requestsPerSecond = requestsPerSecond;
        this.workers = workers;
    }

    void start() {
        running.set(true);
        for (int worker = 0; worker < workers; worker++) {
            int id = worker;
            threads.add(Thread.ofVirtual().name("load-" + worker).start(() -> work(id)));
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    private void work(int worker) {
        long interval = (long) (1_000_000_000L * workers / requestsPerSecond);
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval);
        while (running.get()) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                // Pacing of an open-loop load, not a wait for a result.
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            next += interval;
            List<String> up = instances.get();
            if (up.isEmpty()) {
                continue;
            }
            String instance = up.get(ThreadLocalRandom.current().nextInt(up.size()));
            Tenant tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
            int dice = ThreadLocalRandom.current().nextInt(100);
            if (dice < 60) {
                call(Kind.ME, tenant, instance, get(instance, "/api/v1/me", tenant.accessToken));
            } else if (dice < 86) {
                call(Kind.LINK, tenant, instance, get(instance, tenant.linkPath, null));
            } else if (dice < 90) {
                call(Kind.SIGN_IN, tenant, instance, post(instance, "/api/v1/auth/token",
                        "{\"tenant\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(tenant.slug, tenant.email, tenant.password)));
            } else {
                refresh(worker, instance);
            }
        }
    }

    /** Each worker refreshes its own chain on its own tenant; an answer that is not a new pair starts the chain again by sign-in. */
    private void refresh(int worker, String instance) {
        Tenant tenant = tenants.get(worker % tenants.size());
        String token = refreshTokens.get(worker);
        if (token == null && tenant.revokedAt(System.nanoTime())) {
            // Sign-ins of revoked tenants are tried by the mix's own sign-ins; a chain is not started again for one.
            call(Kind.ME, tenant, instance, get(instance, "/api/v1/me", tenant.accessToken));
            return;
        }
        if (token == null) {
            HttpResponse<String> signedIn = call(Kind.SIGN_IN, tenant, instance, post(instance, "/api/v1/auth/token",
                    "{\"tenant\":\"%s\",\"email\":\"%s\",\"password\":\"%s\"}".formatted(tenant.slug, tenant.email, tenant.password)));
            remember(worker, signedIn);
            return;
        }
        HttpResponse<String> refreshed = call(Kind.REFRESH, tenant, instance, post(instance, "/api/v1/auth/refresh",
                "{\"refresh_token\":\"%s\"}".formatted(token)));
        remember(worker, refreshed);
        if (refreshed != null && refreshed.statusCode() == 200) {
            tenant.accessToken = JSON.readTree(refreshed.body()).get("access_token").asString();
        }
    }

    private void remember(int worker, HttpResponse<String> response) {
        if (response != null && response.statusCode() == 200) {
            JsonNode body = JSON.readTree(response.body());
            refreshTokens.put(worker, body.get("refresh_token").asString());
        } else {
            refreshTokens.remove(worker);
        }
    }

    private HttpResponse<String> call(Kind kind, Tenant tenant, String instance, HttpRequest request) {
        long start = System.nanoTime();
        boolean revoked = tenant.revokedAt(start);
        HttpResponse<String> response = null;
        int status = 0;
        boolean shed = false;
        String problem = "";
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            problem = problemType(response);
            shed = status == 503 && problem.equals("busy");
        } catch (IOException e) {
            // no answer: counted as status 0
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = System.nanoTime();
        answers.add(new Answer(kind, revoked, tenant.inDoubt(start, end), instance, start, end, status, shed, problem));
        return response;
    }

    /** The last segment of an RFC 9457 answer's {@code type} ({@code urn:iusign:problem:tenant-suspended} → tenant-suspended). */
    private static String problemType(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return "";
        }
        try {
            String type = JSON.readTree(response.body()).path("type").asString("");
            return type.startsWith(PROBLEM) ? type.substring(PROBLEM.length()) : "";
        } catch (JacksonException notJson) {
            return "";
        }
    }

    private static HttpRequest get(String instance, String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance + path)).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.GET().build();
    }

    private static HttpRequest post(String instance, String path, String json) {
        return HttpRequest.newBuilder(URI.create(instance + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
