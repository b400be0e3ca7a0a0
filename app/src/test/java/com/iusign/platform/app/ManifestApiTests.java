package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.testfixtures.TestTenants;
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
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final int port;
    private AdminApiClient api;

    ManifestApiTests(AdminApiClients clients, org.springframework.jdbc.core.simple.JdbcClient jdbc, @LocalServerPort int port) {
        this.clients = clients;
        this.jdbc = jdbc;
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
    void usageFromTelemetryIsListedAndFilterable() throws Exception {
        String plan = TestTenants.slug("mu");
        jdbc.sql("INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order) VALUES (:code, 'Manifest usage', 5, 5, 99)")
                .param("code", plan).update();
        AdminApiClient.TenantOwner owner = api.tenantOwner(plan);
        for (int i = 0; i < 4; i++) {
            String id = api.multipart(owner.accessToken(), "/api/v1/envelopes", java.util.Map.of("title", "M" + i,
                    "recipients", "[{\"name\":\"S\",\"email\":\"s@manifest.test\"}]"), "m.pdf",
                    com.iusign.platform.signing.SamplePdf.withText("m")).text("/id");
            api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + id + "/send", null);
        }
        String base = "/api/admin/manifest?q=" + owner.slug();
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(base + "&usage=APPROACHING").json().get("items").size() == 1);
        var item = api.get(base + "&usage=APPROACHING").json().at("/items/0");
        assertThat(item.get("envelopesThisMonth").asInt()).isEqualTo(4);
        assertThat(item.get("monthlyEnvelopeLimit").asInt()).isEqualTo(5);
        assertThat(item.get("seatsUsed").asInt()).isEqualTo(1);
        assertThat(item.get("lastActivityAt").isNull()).isFalse();
        assertThat(api.get(base + "&usage=OVER").json().get("items").size()).isZero();
        assertThat(api.get(base + "&inactiveDays=1").json().get("items").size()).as("active just now").isZero();
        assertParameter(api.get(base + "&usage=BUSY"), "usage");
        assertParameter(api.get(base + "&inactiveDays=soon"), "inactiveDays");
        assertThat(api.download("/api/admin/manifest/export.csv?q=" + owner.slug(), "text/csv").body()).contains(",lastActivityAt");

        AdminApiClient.TenantOwner later = api.tenantOwner(plan);
        String byActivity = "/api/admin/manifest?plan=" + plan + "&sort=lastActivity&size=1";
        await().atMost(Duration.ofSeconds(5)).until(() -> later.tenantId().equals(api.get(byActivity).text("/items/0/id")));
        var second = api.get(byActivity + "&cursor=" + api.get(byActivity).text("/nextCursor"));
        assertThat(second.text("/items/0/id")).as("the earlier active tenant comes next").isEqualTo(owner.tenantId());
        String byVolume = "/api/admin/manifest?plan=" + plan + "&sort=envelopesThisMonth&size=1";
        assertThat(api.get(byVolume).text("/items/0/id")).as("4 envelopes before none").isEqualTo(owner.tenantId());
        var next = api.get(byVolume + "&cursor=" + api.get(byVolume).text("/nextCursor"));
        assertThat(next.text("/items/0/id")).isEqualTo(later.tenantId());
        assertThat(next.json().get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/admin/manifest?plan=" + plan + "&sort=seatsUsed").json().get("items").size()).isEqualTo(2);
    }

    @Test
    void invalidParametersAre400ProblemsNamingTheParameter() throws Exception {
        assertParameter(api.get("/api/admin/manifest?size=500"), "size");
        assertParameter(api.get("/api/admin/manifest?status=SLEEPING"), "status");
        assertParameter(api.get("/api/admin/manifest?sort=random"), "sort");
        assertParameter(api.get("/api/admin/manifest?cursor=bm9wZQ"), "cursor");
        assertParameter(api.get("/api/admin/manifest?createdFrom=yesterday"), "createdFrom");
        assertParameter(api.get("/api/admin/manifest?q=" + "x".repeat(10_000)), "q");
        assertParameter(api.get("/api/admin/manifest/export.csv?status=SLEEPING"), "status");
        assertThat(api.get("/api/admin/manifest?q=%25%27%22_").status()).as("wildcards and quotes are searched literally").isEqualTo(200);
    }

    private static void assertParameter(AdminApiClient.Reply reply, String parameter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:validation");
        assertThat(reply.text("/errors/0/field")).isEqualTo(parameter);
    }
}
