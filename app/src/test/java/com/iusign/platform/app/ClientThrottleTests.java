package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red-team finding 4: the unauthenticated doors answer 429 with {@code Retry-After} per client
 * address — sign-in sprays, wrong client secrets, guessed signing links, invalid bearer tokens —
 * while other addresses are served as usual. Small limits (burst 5) in a context of its own; each
 * test plays its clients from loopback addresses of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "iusign.throttle.sign-in-per-second=1", "iusign.throttle.sign-in-burst=5",
        "iusign.throttle.signing-links-per-second=1", "iusign.throttle.signing-links-burst=5",
        "iusign.throttle.bad-tokens-per-second=1", "iusign.throttle.bad-tokens-burst=5"})
class ClientThrottleTests {

    private static final String SPRAY = """
            {"tenant":"some-tenant","email":"victim@example.test","password":"Summer2026!"}""";

    private final AdminApiClients clients;
    private final StringRedisTemplate redis;
    private final int port;

    ClientThrottleTests(AdminApiClients clients, StringRedisTemplate redis, @LocalServerPort int port) {
        this.clients = clients;
        this.redis = redis;
        this.port = port;
    }

    @Test
    void aSignInSprayFromOneAddressIsAnswered429WhileAnotherAddressIsStillHeard() throws Exception {
        LoopbackClient sprayer = new LoopbackClient(port, "127.0.0.20");
        List<Integer> statuses = new ArrayList<>();
        LoopbackClient.Answer last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            last = sprayer.post("/api/v1/auth/token", SPRAY);
            statuses.add(last.status());
        }

        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 10)).contains(429);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
        assertThat(last.text("/type")).isEqualTo("urn:iusign:problem:rate-limited");
        assertThat(redis.hasKey("iusign:throttle:sign-in:127.0.0.20")).as("the bucket is shared through Redis").isTrue();

        assertThat(new LoopbackClient(port, "127.0.0.21").post("/api/v1/auth/token", SPRAY).status())
                .as("another address is not throttled").isEqualTo(401);
    }

    @Test
    void aForgedForwardedForHeaderDoesNotChangeTheAddressThatIsCounted() throws Exception {
        LoopbackClient sprayer = new LoopbackClient(port, "127.0.0.22");
        int throttled = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            var answer = sprayer.post("/api/v1/auth/token", SPRAY, "X-Forwarded-For", "203.0.113." + attempt,
                    "Forwarded", "for=198.51.100." + attempt);
            throttled += answer.status() == 429 ? 1 : 0;
        }
        assertThat(throttled).isGreaterThanOrEqualTo(4);
    }

    @Test
    void wrongClientSecretsAndConsoleSignInsAreThrottledToo() throws Exception {
        LoopbackClient guesser = new LoopbackClient(port, "127.0.0.23");
        String basic = java.util.Base64.getEncoder().encodeToString("some-client:wrong-secret".getBytes());
        List<Integer> tokenEndpoint = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            tokenEndpoint.add(guesser.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization", "Basic " + basic).status());
        }
        assertThat(tokenEndpoint).contains(401).endsWith(429);

        LoopbackClient console = new LoopbackClient(port, "127.0.0.24");
        List<Integer> login = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            login.add(console.postForm("/login", "username=admin%40iusign.local&password=guess" + attempt).status());
        }
        assertThat(login).endsWith(429);
    }

    @Test
    void guessedSigningLinksAreThrottled() throws Exception {
        LoopbackClient guesser = new LoopbackClient(port, "127.0.0.25");
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.add(guesser.get("/api/public/signing/" + UUID.randomUUID()).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(404);
        assertThat(statuses).endsWith(429);
    }

    @Test
    void invalidBearerTokensAreThrottledButValidOnesFromElsewhereAreNot() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("enterprise");
        LoopbackClient forger = new LoopbackClient(port, "127.0.0.26");
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            statuses.add(forger.get("/api/v1/me", "Authorization", "Bearer not.a.token" + attempt).status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses).endsWith(429);
        assertThat(forger.get("/api/admin/api-clients", "Authorization", "Bearer forged").status())
                .as("the address is refused on every bearer door").isEqualTo(429);

        var honest = new LoopbackClient(port, "127.0.0.27");
        for (int call = 0; call < 8; call++) {
            assertThat(honest.get("/api/v1/me", "Authorization", "Bearer " + owner.accessToken()).status()).isEqualTo(200);
        }
    }
}
