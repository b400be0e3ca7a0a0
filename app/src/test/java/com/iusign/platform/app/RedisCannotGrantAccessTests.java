package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.GateMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Red-team finding 3: an insider with write access to Redis forges the gate's entries ("active",
 * "not-before 0") and publishes invalidations. PostgreSQL says suspended / flushed, so the old
 * token and the signing link must stay refused: nothing Redis holds can permit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisCannotGrantAccessTests {

    private static final String CHANNEL = "iusign:gate:invalidate";

    private final AdminApiClients clients;
    private final StringRedisTemplate redis;
    private final GateMetrics gate;
    private final int port;
    private AdminApiClient api;
    private AdminApiClient.TenantOwner owner;

    RedisCannotGrantAccessTests(AdminApiClients clients, StringRedisTemplate redis, GateMetrics gate, @LocalServerPort int port) {
        this.clients = clients;
        this.gate = gate;
        this.redis = redis;
        this.port = port;
    }

    @BeforeEach
    void tenantOwner() throws Exception {
        api = new AdminApiClient(clients, port);
        owner = api.tenantOwner("business");
        // The forged messages must reach a listening gate, or the test would prove nothing.
        await().atMost(Duration.ofSeconds(5)).until(gate::nearCacheLive);
    }

    @Test
    void aForgedActiveEntryInRedisDoesNotReopenASuspendedTenant() throws Exception {
        String link = api.sentLink(owner, "Lease", "Ada Lovelace", "ada@example.test");
        api.post("/api/admin/tenants/" + owner.tenantId() + "/suspend", "{\"reason\":\"Fraud investigation\"}");
        assertThat(me().status()).isEqualTo(403);

        redis.opsForValue().set("iusign:gate:tenant:" + owner.tenantId(), "ACTIVE|0");
        long foreignBefore = gate.foreignInvalidations();
        redis.convertAndSend(CHANNEL, "tenant:" + owner.tenantId());
        // A value smuggled into the message itself; the platform's messages carry none.
        redis.convertAndSend(CHANNEL, "tenant:" + owner.tenantId() + "|ACTIVE|0");
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.foreignInvalidations() > foreignBefore);

        assertThat(gate.nearCacheLive()).isTrue();
        var refused = me();
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.text("/type")).isEqualTo("urn:iusign:problem:tenant-suspended");
        assertThat(api.as(null, "GET", link, null).status()).as("the signing link").isEqualTo(423);
        assertThat(api.download("/actuator/prometheus", "text/plain").body()).contains("iusign_gate_foreign_invalidations_total");
    }

    @Test
    void aForgedUserNotBeforeInRedisDoesNotRestoreAFlushedSession() throws Exception {
        String userId = me().text("/userId");
        api.post("/api/admin/tenants/" + owner.tenantId() + "/users/" + userId + "/sessions/flush", "{\"reason\":\"Stolen device\"}");
        assertThat(me().status()).isEqualTo(401);

        redis.opsForValue().set("iusign:gate:user:" + userId, "0");
        long foreignBefore = gate.foreignInvalidations();
        redis.convertAndSend(CHANNEL, "user:" + userId);
        // Messages arrive in order: once the marker behind it was heard, so was the forged invalidation.
        redis.convertAndSend(CHANNEL, "marker");
        await().atMost(Duration.ofSeconds(5)).until(() -> gate.foreignInvalidations() > foreignBefore);

        var refused = me();
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.text("/type")).isEqualTo("urn:iusign:problem:session-revoked");
    }

    private AdminApiClient.Reply me() throws Exception {
        return api.as(owner.accessToken(), "GET", "/api/v1/me", null);
    }
}
