package com.iusign.platform.app;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.GateMetrics;
import com.iusign.platform.security.SessionRevocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate verifies a token's signature once and remembers it; it never remembers a decision.
 * Every revocation is seen on the very next request, whether that token was served from the
 * verified-token cache (warm) or never seen before (cold), and an altered cached token is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerifiedTokenCacheTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AdminApiClients clients;
    private final SessionRevocation revocation;
    private final GateMetrics gate;
    @Autowired
    private FilterChainProxy filterChains;
    @Autowired
    private HttpFirewall firewall;
    @LocalServerPort
    private int port;

    VerifiedTokenCacheTests(AdminApiClients clients, SessionRevocation revocation, GateMetrics gate) {
        this.clients = clients;
        this.revocation = revocation;
        this.gate = gate;
    }

    @ParameterizedTest(name = "{0}, {1} cache")
    @CsvSource({
            "user flush, warm", "user flush, cold",
            "tenant flush, warm", "tenant flush, cold",
            "suspension, warm", "suspension, cold",
            "token revocation, warm", "token revocation, cold"})
    void aRevocationIsSeenOnTheNextRequestWhateverTheCacheHolds(String revocationKind, String cache) throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner("business");
        if (cache.equals("warm")) {
            long hitsBefore = gate.verifiedTokenHits();
            assertThat(me(api, owner.accessToken()).status()).isEqualTo(200);
            assertThat(me(api, owner.accessToken()).status()).isEqualTo(200);
            assertThat(gate.verifiedTokenHits()).as("the second request was served from the cache").isGreaterThan(hitsBefore);
        }

        revoke(api, owner, revocationKind);

        AdminApiClient.Reply next = me(api, owner.accessToken());
        assertThat(next.status()).as(next.body()).isIn(401, 403);
    }

    @Test
    void requestsPassTheAsciiFirstFirewallWhichStillRefusesAControlCharacterAfterNonAscii() throws Exception {
        Object chains = ReflectionTestUtils.getField(filterChains, "springSecurityFilterChain");
        assertThat(ReflectionTestUtils.getField(chains == null ? filterChains : chains, "firewall")).isSameAs(firewall);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer caf\u00e9\u0085\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void prometheusShowsCacheHitsFullVerificationsAndRateLimitCalls() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String token = api.tenantOwner("business").accessToken();
        me(api, token);
        me(api, token);

        String metrics = api.download("/actuator/prometheus", "text/plain").body();

        assertThat(metrics).containsPattern("iusign_gate_token_cache_hits_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("iusign_gate_token_verifications_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("iusign_gate_rate_limit_shared_calls_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void everyAnswerOfTheGateIsCountedByItsOutcome() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner("business");
        Map<String, Long> before = gate.decisions();

        assertThat(me(api, owner.accessToken()).status()).isEqualTo(200);
        assertThat(me(api, owner.accessToken() + "x").status()).isEqualTo(401);
        assertThat(api.post("/api/admin/tenants/" + owner.tenantId() + "/suspend", "{\"reason\":\"Counting test\"}").status()).isEqualTo(200);
        assertThat(me(api, owner.accessToken()).status()).isEqualTo(403);

        Map<String, Long> after = gate.decisions();
        assertThat(after.get("allowed") - before.get("allowed")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("invalid-token") - before.get("invalid-token")).isGreaterThanOrEqualTo(1);
        assertThat(after.get("tenant-suspended") - before.get("tenant-suspended")).isGreaterThanOrEqualTo(1);
        assertThat(after).containsKeys("rate-limited", "session-flushed", "token-revoked", "undecided");
        assertThat(api.download("/actuator/prometheus", "text/plain").body())
                .containsPattern("iusign_gate_decisions_total\\{[^}]*outcome=\"allowed\"[^}]*\\} [1-9]")
                .containsPattern("iusign_gate_decisions_total\\{[^}]*outcome=\"tenant-suspended\"[^}]*\\} [1-9]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"payload", "signature"})
    void anAlteredCopyOfACachedTokenIsRefused(String part) throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String token = api.tenantOwner("business").accessToken();
        assertThat(me(api, token).status()).isEqualTo(200);
        String[] parts = token.split("\\.");
        int index = part.equals("payload") ? 1 : 2;
        char last = parts[index].charAt(parts[index].length() - 2);
        parts[index] = parts[index].substring(0, parts[index].length() - 2) + (last == 'A' ? 'B' : 'A') + parts[index].charAt(parts[index].length() - 1);

        assertThat(me(api, String.join(".", parts)).status()).isEqualTo(401);
        assertThat(me(api, token).status()).as("the original still works").isEqualTo(200);
    }

    private void revoke(AdminApiClient api, AdminApiClient.TenantOwner owner, String kind) throws Exception {
        String tenant = "/api/admin/tenants/" + owner.tenantId();
        switch (kind) {
            case "user flush" -> {
                String user = api.get(tenant + "/users").text("/0/id");
                assertThat(api.post(tenant + "/users/" + user + "/sessions/flush", "{\"reason\":\"Cache test\"}").status()).isEqualTo(200);
            }
            case "tenant flush" -> assertThat(api.post(tenant + "/sessions/flush", "{\"reason\":\"Cache test\"}").status()).isEqualTo(200);
            case "suspension" -> assertThat(api.post(tenant + "/suspend", "{\"reason\":\"Cache test\"}").status()).isEqualTo(200);
            case "token revocation" -> {
                JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(owner.accessToken().split("\\.")[1]),
                        StandardCharsets.UTF_8));
                revocation.revokeToken(TenantId.of(owner.tenantId()), claims.get("jti").asString(),
                        Instant.ofEpochSecond(claims.get("exp").asLong()));
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static AdminApiClient.Reply me(AdminApiClient api, String token) throws Exception {
        return api.as(token, "GET", "/api/v1/me", null);
    }
}
