package com.iusign.platform.app;

import tools.jackson.databind.JsonNode;
import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blast-radius preview over HTTP matches what the actions then end: live sessions (a second
 * sign-in adds one, a refresh rotates without adding, a flush or a suspension ends them all),
 * envelopes in flight and their live links (a signed link leaves the count).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlastRadiusApiTests {

    private final AdminApiClients clients;
    private final int port;

    BlastRadiusApiTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @Test
    void thePreviewCountsWhatASuspensionOrFlushWouldEnd() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner("business");
        String radius = "/api/admin/tenants/" + owner.tenantId() + "/blast-radius";
        assertRadius(api.get(radius).json(), 1, 1, 1, 0, 0);

        var second = signIn(api, owner);
        assertRadius(api.get(radius).json(), 1, 2, 1, 0, 0);
        var rotated = api.as(null, "POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + second.text("/refresh_token") + "\"}");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(api.get(radius).json().get("sessions").asLong()).as("a refresh replaces its session, it adds none").isEqualTo(2);

        String first = api.sentLink(owner, "First", "Ada", "ada@radius.test");
        api.sentLink(owner, "Second", "Grace", "grace@radius.test");
        assertRadius(api.get(radius).json(), 1, 2, 1, 2, 2);
        assertThat(api.as(null, "POST", first + "/sign", "{\"typedName\":\"Ada\"}").status()).isEqualTo(200);
        assertRadius(api.get(radius).json(), 1, 2, 1, 1, 1);

        assertThat(api.post("/api/admin/tenants/" + owner.tenantId() + "/sessions/flush", "{\"reason\":\"Blast radius check\"}").status())
                .isEqualTo(200);
        assertRadius(api.get(radius).json(), 1, 0, 0, 1, 1);
        assertThat(api.as(null, "POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + rotated.text("/refresh_token") + "\"}").status())
                .as("the sessions the preview no longer counts are really ended").isEqualTo(401);

        signIn(api, owner);
        assertThat(api.get(radius).json().get("sessions").asLong()).isEqualTo(1);
        long version = api.get("/api/admin/tenants/" + owner.tenantId()).json().get("version").asLong();
        assertThat(api.post("/api/admin/tenants/" + owner.tenantId() + "/suspend", "{\"reason\":\"Blast radius check\",\"version\":" + version + "}")
                .status()).isEqualTo(200);
        assertThat(api.get(radius).json().get("sessions").asLong()).as("a suspension ends every session").isZero();
        var body = api.get(radius).json();
        assertThat(body.get("tenantId").asText()).isEqualTo(owner.tenantId());
        assertThat(body.hasNonNull("asOf")).isTrue();
    }

    @Test
    void anUnknownOrMalformedTenantIsAProblem() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var unknown = api.get("/api/admin/tenants/" + UUID.randomUUID() + "/blast-radius");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/admin/tenants/not-an-id/blast-radius").status()).isEqualTo(400);
    }

    private static AdminApiClient.Reply signIn(AdminApiClient api, AdminApiClient.TenantOwner owner) throws Exception {
        var reply = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"owner@%s.test","password":"owner password %s"}""".formatted(owner.slug(), owner.slug(), owner.slug()));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static void assertRadius(JsonNode body, long activeUsers, long sessions, long usersWithSessions, long envelopes, long links) {
        assertThat(body.get("tenants").asInt()).isEqualTo(1);
        assertThat(body.get("activeUsers").asLong()).as("active users").isEqualTo(activeUsers);
        assertThat(body.get("sessions").asLong()).as("sessions").isEqualTo(sessions);
        assertThat(body.get("usersWithSessions").asLong()).as("users with sessions").isEqualTo(usersWithSessions);
        assertThat(body.get("envelopesInFlight").asLong()).as("envelopes in flight").isEqualTo(envelopes);
        assertThat(body.get("liveSigningLinks").asLong()).as("live signing links").isEqualTo(links);
    }
}
