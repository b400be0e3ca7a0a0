package com.iusign.platform.app;

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
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances sharing one PostgreSQL and one Redis that this test starts on its own port
 * (the machine's shared Redis is never touched): a suspension on instance A is enforced by
 * instance B on its next request, and while Redis is down B answers from PostgreSQL — it refuses
 * a revocation it never heard about.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceGateTests {

    /** Instances that share a database must share the platform master key that wraps the tenants' data keys. */
    private static final String MASTER_KEY = "--iusign.keys.master-key="
            + java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));

    private static final String PASSWORD = "multi instance password";
    private static final Actor ADMIN = Actor.superAdmin("ops@iusign.test");

    private final HttpClient http = HttpClient.newHttpClient();
    private RedisServer redis;
    private int redisPort;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void startRedisAndTwoInstances() throws IOException {
        redisPort = freePort();
        redis = startRedis();
        a = new SpringApplicationBuilder(Application.class).run("--server.port=0", MASTER_KEY, "--spring.datasource.url=",
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--iusign.database.admin-url=");
        Environment shared = a.getEnvironment();
        b = new SpringApplicationBuilder(Application.class).run("--server.port=0", MASTER_KEY,
                "--spring.datasource.url=" + shared.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + shared.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + shared.getProperty("spring.datasource.password", ""),
                "--spring.liquibase.url=" + shared.getProperty("spring.liquibase.url", shared.getProperty("spring.datasource.url")),
                "--spring.liquibase.user=" + shared.getProperty("spring.liquibase.user"),
                "--spring.liquibase.password=" + shared.getProperty("spring.liquibase.password", ""),
                "--spring.data.redis.url=redis://127.0.0.1:" + redisPort, "--iusign.database.admin-url=");
        await().atMost(Duration.ofSeconds(10)).until(() -> live(a) && live(b));
    }

    @AfterAll
    void stopAll() throws IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
    }

    @Test
    void aSuspensionOnInstanceAIsEnforcedByInstanceBWithinMilliseconds() throws Exception {
        Session session = tenantWithSignedInOwner();
        List<Long> micros = new ArrayList<>();
        List<Long> suspendCalls = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            assertThat(me(b, session.token)).isEqualTo(200);
            long called = System.nanoTime();
            a.getBean(TenantLifecycle.class).suspend(session.tenant, Change.of(ADMIN, "Round " + round), null);
            long start = System.nanoTime();
            suspendCalls.add((start - called) / 1_000);
            while (me(b, session.token) != 403) {
                assertThat(System.nanoTime() - start).as("B still admits the suspended tenant's token").isLessThan(1_000_000_000L);
            }
            micros.add((System.nanoTime() - start) / 1_000);
            a.getBean(TenantLifecycle.class).reactivate(session.tenant, Change.of(ADMIN, "Round " + round + " done"), null);
            session = signIn(session);
        }
        Collections.sort(micros);
        Collections.sort(suspendCalls);
        System.out.printf("Cross-instance suspension propagation over %d rounds (from the suspend call's return to B's first 403):"
                + " p50 %d µs, max %d µs; the suspend call itself: p50 %d µs%n",
                micros.size(), micros.get(micros.size() / 2), micros.getLast(), suspendCalls.get(suspendCalls.size() / 2));
        assertThat(micros.getLast()).as("every round within 1 s (goal: p99 ≤ 100 ms, see docs/benchmarks.md)").isLessThan(1_000_000);
    }

    /** The console's push crosses instances: a suspension committed on A reaches B's open views (the relay over Redis). */
    @Test
    void aChangeOnInstanceAReachesTheConsoleOfInstanceB() {
        java.util.Set<com.iusign.platform.app.ui.live.ConsoleUpdates.Signal> received = java.util.concurrent.ConcurrentHashMap.newKeySet();
        var listening = b.getBean(com.iusign.platform.app.ui.live.ConsoleUpdates.class).listen(received::addAll);
        try {
            TenantLifecycle lifecycle = a.getBean(TenantLifecycle.class);
            String slug = com.iusign.testfixtures.TestTenants.slug("push");
            var tenant = lifecycle.provision(new com.iusign.platform.lifecycle.ProvisionTenant("Push " + slug, slug, "starter",
                    "o@" + slug + ".test", null), Change.of(ADMIN, "Fixture"));
            lifecycle.suspend(tenant.id(), Change.of(ADMIN, "Pushed across instances"), null);
            // Redis may be recovering from the outage test (the listener container retries every few seconds).
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(new com.iusign.platform.app.ui.live.ConsoleUpdates.Signal(
                    com.iusign.platform.app.ui.live.ConsoleUpdates.Signal.Kind.TENANT, tenant.id().value())) && received.contains(
                    new com.iusign.platform.app.ui.live.ConsoleUpdates.Signal(com.iusign.platform.app.ui.live.ConsoleUpdates.Signal.Kind.MANIFEST,
                            tenant.id().value())));
        } finally {
            listening.remove();
        }
    }

    @Test
    void withRedisDownInstanceBRefusesARevocationItNeverHeardAboutAndRecoversWhenRedisIsBack() throws Exception {
        Session session = tenantWithSignedInOwner();
        assertThat(me(b, session.token)).isEqualTo(200);
        assertThat(me(b, session.token)).isEqualTo(200);

        redis.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !live(b) && !live(a));
        a.getBean(SessionRevocation.class).flushTenant(session.tenant, Change.of(ADMIN, "Flush while Redis is down"));

        assertThat(me(b, session.token)).as("B reads PostgreSQL while its subscription is down").isEqualTo(401);
        Session fresh = signIn(session);
        assertThat(me(b, fresh.token)).isEqualTo(200);

        redis = startRedis();
        await().atMost(Duration.ofSeconds(10)).until(() -> live(a) && live(b));
        assertThat(me(b, session.token)).as("the rebuilt near cache holds the flush").isEqualTo(401);
        assertThat(me(b, fresh.token)).isEqualTo(200);
        a.getBean(TenantLifecycle.class).suspend(session.tenant, Change.of(ADMIN, "After recovery"), null);
        await().atMost(Duration.ofSeconds(1)).until(() -> me(b, fresh.token) == 403);
    }

    private record Session(TenantId tenant, String slug, String email, String token) {
    }

    private Session tenantWithSignedInOwner() {
        String slug = TestTenants.slug("multi");
        String email = "owner@" + slug + ".test";
        ProvisioningResult result = a.getBean(TenantLifecycle.class).provisionReporting(
                new ProvisionTenant("Multi " + slug, slug, "starter", email, null), Change.of(ADMIN, "Multi-instance test"));
        a.getBean(TenantUsers.class).activate((String) result.extras().get("ownerActivationToken"), PASSWORD);
        return signIn(new Session(result.tenant().id(), slug, email, null));
    }

    private Session signIn(Session session) {
        String token = a.getBean(TenantSignIn.class).signIn(session.slug, session.email, PASSWORD).accessToken();
        return new Session(session.tenant, session.slug, session.email, token);
    }

    private int me(ConfigurableApplicationContext instance, String token) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean live(ConfigurableApplicationContext instance) {
        return instance.getBean(GateMetrics.class).nearCacheLive();
    }

    private RedisServer startRedis() throws IOException {
        RedisServer server = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1")
                .setting("save \"\"").setting("appendonly no").build();
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
