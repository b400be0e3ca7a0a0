package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The manifest API contract over real HTTP: search, filter, page, export, and named refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManifestApiTests {

    private final AdminApiClients clients;
    private final int port;
    private AdminApiClient api;

    ManifestApiTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @BeforeEach
    void authenticate() throws Exception {
        api = new AdminApiClient(clients, port);
    }

    @Test
    void aProvisionedTenantIsSearchableFilterableAndExported() throws Exception {
        String marker = "mf" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String slug = "manifest-" + marker;
        var provisioned = api.post("/api/admin/tenants", """
                {"name":"Ångström Legal %s","slug":"%s","plan":"enterprise","ownerEmail":"owner@%s.test"}""".formatted(marker, slug, slug));
        assertThat(provisioned.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/admin/manifest?q=angstrom%20legal%20" + marker).json()
                .get("items").size() == 1);
        var found = api.get("/api/admin/manifest?q=angstrom%20legal%20" + marker + "&status=ACTIVE&plan=enterprise&size=10");
        assertThat(found.text("/items/0/id")).isEqualTo(provisioned.text("/id"));
        for (String field : new String[] {"name", "slug", "plan", "subscriptionStatus", "status", "ownerEmail", "createdAt"}) {
            assertThat(found.json().at("/items/0").has(field)).as(field).isTrue();
        }
        assertThat(api.get("/api/admin/manifest?q=" + marker + "&status=SUSPENDED").json().get("items").size()).isZero();

        var csv = api.download("/api/admin/manifest/export.csv?q=" + marker, "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,name,slug,plan,subscriptionStatus,status,ownerEmail,customDomain,createdAt")
                .contains(provisioned.text("/id")).contains("\"Ångström Legal " + marker + "\"");
    }

    @Test
    void invalidParametersAre400ProblemsNamingTheParameter() throws Exception {
        assertParameter(api.get("/api/admin/manifest?size=500"), "size");
        assertParameter(api.get("/api/admin/manifest?status=SLEEPING"), "status");
        assertParameter(api.get("/api/admin/manifest?sort=random"), "sort");
        assertParameter(api.get("/api/admin/manifest?cursor=bm9wZQ"), "cursor");
        assertParameter(api.get("/api/admin/manifest?createdFrom=yesterday"), "createdFrom");
        assertParameter(api.get("/api/admin/manifest?q=" + "x".repeat(10_000)), "q");
        assertThat(api.get("/api/admin/manifest?q=%25%27%22_").status()).as("wildcards and quotes are searched literally").isEqualTo(200);
    }

    private static void assertParameter(AdminApiClient.Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:validation");
        assertThat(reply.text("/errors/0/field")).isEqualTo(parameter);
    }
}
