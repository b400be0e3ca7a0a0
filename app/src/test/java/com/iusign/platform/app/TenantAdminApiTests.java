package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin REST contract of the lifecycle and the audit trail, as an outside script sees it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantAdminApiTests {

    private final AdminApiClients clients;
    private final int port;
    private AdminApiClient api;

    TenantAdminApiTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @BeforeEach
    void authenticate() throws Exception {
        api = new AdminApiClient(clients, port);
    }

    @Test
    void provisionReturns201WithTheTenantAndItsLocation() throws Exception {
        String slug = slug();
        var reply = api.post("/api/admin/tenants", """
                {"name":"Contoso %s","slug":"%s","plan":"business","ownerEmail":"owner@contoso.test","customDomain":"sign.%s.example.com"}"""
                .formatted(slug, slug, slug));

        assertThat(reply.status()).isEqualTo(201);
        JsonNode tenant = reply.json();
        assertThat(tenant.get("slug").asString()).isEqualTo(slug);
        assertThat(tenant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(tenant.get("subscriptionStatus").asString()).isEqualTo("TRIALING");
        assertThat(tenant.get("version").asLong()).isZero();
        for (String field : new String[] {"id", "name", "plan", "ownerEmail", "customDomain", "createdAt"}) {
            assertThat(tenant.has(field)).as(field).isTrue();
        }
        assertThat(reply.location()).endsWith("/api/admin/tenants/" + tenant.get("id").asString());
        assertThat(api.get("/api/admin/tenants/" + tenant.get("id").asString()).status()).isEqualTo(200);
    }

    @Test
    void invalidInputIs400NamingEachBadField() throws Exception {
        var reply = api.post("/api/admin/tenants", """
                {"name":"","slug":"No Way","plan":"gold","ownerEmail":"nope","customDomain":"bad..domain"}""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:validation");
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("name", "slug", "plan", "ownerEmail", "customDomain");
    }

    @Test
    void unknownTenantIs404AndAMalformedIdIs400() throws Exception {
        var unknown = api.get("/api/admin/tenants/" + UUID.randomUUID());
        var malformed = api.get("/api/admin/tenants/not-a-uuid");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("/type")).isEqualTo("urn:iusign:problem:not-found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("/errors/0/field")).isEqualTo("id");
    }

    @Test
    void duplicateSlugIsAConflictNamingTheField() throws Exception {
        String id = provision();
        String slug = api.get("/api/admin/tenants/" + id).text("/slug");

        var reply = api.post("/api/admin/tenants", """
                {"name":"Another %s","slug":"%s","plan":"starter","ownerEmail":"o@x.test"}""".formatted(slug, slug));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:conflict");
        assertThat(reply.text("/field")).isEqualTo("slug");
    }

    @Test
    void statusGovernanceWithReasonsIllegalTransitionsAndStaleVersions() throws Exception {
        String id = provision();

        var suspended = api.post("/api/admin/tenants/" + id + "/suspend", """
                {"reason":"Phishing campaign reported","ticket":"SEC-99","version":0}""");
        var again = api.post("/api/admin/tenants/" + id + "/suspend", """
                {"reason":"Twice"}""");
        var stale = api.post("/api/admin/tenants/" + id + "/deactivate", """
                {"reason":"Old screen","version":0}""");
        var noReason = api.post("/api/admin/tenants/" + id + "/reactivate", "{}");
        var reactivated = api.post("/api/admin/tenants/" + id + "/reactivate", """
                {"reason":"False positive"}""");

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("/status")).isEqualTo("SUSPENDED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).isEqualTo("urn:iusign:problem:illegal-transition");
        assertThat(again.text("/currentStatus")).isEqualTo("SUSPENDED");
        assertThat(again.text("/detail")).contains("allowed from here: deactivate, reactivate");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("/detail")).contains("changed since you loaded it");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("/errors/0/field")).isEqualTo("reason");
        assertThat(reactivated.text("/status")).isEqualTo("ACTIVE");

        JsonNode history = api.get("/api/admin/tenants/" + id + "/history").json();
        assertThat(history.get("statusChanges").valueStream().map(entry -> entry.get("to").asString()))
                .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
        assertThat(history.at("/statusChanges/1/reason").asString()).isEqualTo("Phishing campaign reported");
        assertThat(history.at("/statusChanges/1/actor").asString()).isEqualTo(api.clientId);
    }

    @Test
    void patchRenamesAndChangesPlanAndTheAuditTrailShowsItAll() throws Exception {
        String id = provision();
        String newName = "Renamed " + slug();

        var patched = api.patch("/api/admin/tenants/" + id, """
                {"name":"%s","plan":"enterprise","subscriptionStatus":"ACTIVE","reason":"Contract upgrade","version":0}"""
                .formatted(newName));
        var badEnum = api.patch("/api/admin/tenants/" + id, """
                {"subscriptionStatus":"FREE","reason":"Typo"}""");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("/name")).isEqualTo(newName);
        assertThat(patched.text("/plan")).isEqualTo("enterprise");
        assertThat(patched.json().get("version").asLong()).isEqualTo(1);
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.text("/errors/0/field")).isEqualTo("subscriptionStatus");

        JsonNode audit = api.get("/api/admin/audit?tenantId=" + id).json();
        assertThat(audit.get("items").valueStream().map(entry -> entry.get("action").asString()))
                .containsExactly("tenant.subscription-changed", "tenant.plan-changed", "tenant.renamed", "user.added", "tenant.provisioned");
        assertThat(audit.at("/items/0/actor").asString()).isEqualTo(api.clientId);
        assertThat(audit.at("/items/2/after/name").asString()).isEqualTo(newName);
        assertThat(audit.at("/items/3/after/role").asString()).isEqualTo("OWNER");
        assertThat(api.get("/api/admin/audit?tenantId=nope").status()).isEqualTo(400);
    }

    @Test
    void bulkSuspendReportsEveryId() throws Exception {
        String first = provision();
        String second = provision();
        String unknown = UUID.randomUUID().toString();

        var reply = api.post("/api/admin/tenants/bulk/suspend", """
                {"tenantIds":["%s","%s","%s"],"reason":"Coordinated abuse"}""".formatted(first, second, unknown));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("succeeded").asLong()).isEqualTo(2);
        assertThat(reply.text("/results/2/error")).contains("No tenant with id");
    }

    private String provision() throws Exception {
        String slug = slug();
        var reply = api.post("/api/admin/tenants", """
                {"name":"Fixture %s","slug":"%s","plan":"starter","ownerEmail":"owner@%s.test"}""".formatted(slug, slug, slug));
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("/id");
    }

    private static String slug() {
        return TestTenants.slug("api");
    }
}
