package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fleet actions over HTTP: a preview of chosen tenants sums their blast radius; a job suspends
 * them with an outcome each (a second run skips the already suspended), audited under the job's
 * correlation id; a filter selection above the threshold needs its count confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FleetApiTests {

    private final AdminApiClients clients;
    private final JdbcClient jdbc;
    private final int port;

    FleetApiTests(AdminApiClients clients, JdbcClient jdbc, @LocalServerPort int port) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void chosenTenantsArePreviewedSuspendedWithOutcomesAndAuditedUnderTheJob() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var a = api.tenantOwner("starter");
        var b = api.tenantOwner("starter");
        var c = api.tenantOwner("starter");
        var preview = api.post("/api/admin/fleet/preview", ids(a.tenantId(), b.tenantId(), c.tenantId()));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("tenants").asInt()).isEqualTo(3);
        assertThat(preview.json().at("/blastRadius/sessions").asLong()).as("each owner's one session").isEqualTo(3);
        assertThat(preview.json().at("/blastRadius/activeUsers").asLong()).isEqualTo(3);

        JsonNode first = run(api, """
                {"action":"SUSPEND","tenantIds":["%s","%s"],"reason":"Incident INC-7 containment","ticket":"INC-7"}"""
                .formatted(a.tenantId(), b.tenantId()));
        assertThat(first.at("/job/done").asInt()).isEqualTo(2);
        assertThat(first.get("outcomes")).extracting(o -> o.get("outcome").asText()).containsExactly("DONE", "DONE");
        assertThat(api.get("/api/admin/tenants/" + a.tenantId()).text("/status")).isEqualTo("SUSPENDED");
        assertThat(api.as(a.accessToken(), "GET", "/api/v1/me", null).status()).isEqualTo(403);
        String correlation = "fleet-" + first.at("/job/id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM audit_entry WHERE correlation_id = :c AND action = 'tenant.suspended'")
                .param("c", correlation).query(Long.class).single() == 2);
        assertThat(jdbc.sql("SELECT after_values->>'tenants' FROM audit_entry WHERE correlation_id = :c AND action = 'fleet.started'")
                .param("c", correlation).query(String.class).single()).as("the fleet action itself is audited, with its reach").isEqualTo("2");

        JsonNode second = run(api, """
                {"action":"SUSPEND","tenantIds":["%s","%s"],"reason":"Incident INC-7 second wave"}""".formatted(a.tenantId(), c.tenantId()));
        assertThat(second.get("outcomes")).extracting(o -> o.get("outcome").asText()).containsExactly("SKIPPED", "DONE");
        assertThat(second.at("/outcomes/0/detail").asText()).containsIgnoringCase("suspended");
        assertThat(second.at("/job/skipped").asInt()).isEqualTo(1);
    }

    @Test
    void aFilterSelectionAboveTheThresholdNeedsItsCountConfirmedThenSuspendsAndFlushesEveryMatch() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String run = "Fleet " + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String slug = TestTenants.slug("fleet");
            var created = api.post("/api/admin/tenants", """
                    {"name":"%s %02d","slug":"%s","plan":"starter","ownerEmail":"o@%s.test"}""".formatted(run, i, slug, slug));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.text("/id"));
        }
        String filter = "\"filter\":{\"q\":\"" + run + "\",\"status\":[\"ACTIVE\"]}";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.post("/api/admin/fleet/preview", "{" + filter + "}").json().get("tenants").asInt() == 12);

        var unconfirmed = api.post("/api/admin/fleet/jobs", "{\"action\":\"SUSPEND\"," + filter + ",\"reason\":\"Fleet containment\"}");
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("confirmCount").contains("12 tenants");
        var miscounted = api.post("/api/admin/fleet/jobs", "{\"action\":\"SUSPEND\"," + filter + ",\"confirmCount\":11,\"reason\":\"Fleet containment\"}");
        assertThat(miscounted.status()).isEqualTo(400);
        assertThat(miscounted.body()).contains("now reaches 12 tenants, not 11");

        JsonNode suspended = run(api, "{\"action\":\"SUSPEND\"," + filter + ",\"confirmCount\":12,\"reason\":\"Fleet containment\"}");
        assertThat(suspended.at("/job/done").asInt()).isEqualTo(12);
        assertThat(suspended.at("/job/selection").asText()).contains("q=" + run).contains("status=ACTIVE");
        for (String id : ids) {
            assertThat(api.get("/api/admin/tenants/" + id).text("/status")).isEqualTo("SUSPENDED");
        }
        String flush = "{\"action\":\"FLUSH\",\"tenantIds\":[\"" + ids.getFirst() + "\"],\"reason\":\"Fleet flush\"}";
        assertThat(run(api, flush).at("/outcomes/0/outcome").asText()).isEqualTo("DONE");
    }

    @Test
    void badSelectionsAreProblemsNamingTheirField() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var a = api.tenantOwner("starter");
        assertField(api.post("/api/admin/fleet/jobs", "{\"action\":\"EXPLODE\",\"tenantIds\":[\"" + a.tenantId() + "\"],\"reason\":\"Bad action\"}"),
                "action");
        assertField(api.post("/api/admin/fleet/jobs", "{\"action\":\"SUSPEND\",\"reason\":\"No selection\"}"), "tenantIds");
        assertField(api.post("/api/admin/fleet/jobs", "{\"action\":\"SUSPEND\",\"tenantIds\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"Unknown\"}"),
                "tenantIds");
        assertField(api.post("/api/admin/fleet/jobs", "{\"action\":\"SUSPEND\",\"tenantIds\":[\"" + a.tenantId() + "\"]}"), "reason");
        assertThat(api.get("/api/admin/fleet/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/tenants/" + a.tenantId()).text("/status")).as("nothing was half-done").isEqualTo("ACTIVE");
    }

    private static void assertField(AdminApiClient.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"" + field + "\"");
    }

    private static String ids(String... tenantIds) {
        return "{\"tenantIds\":[\"" + String.join("\",\"", tenantIds) + "\"]}";
    }

    /** Starts a job and waits until it completes: the final progress with its outcomes. */
    private static JsonNode run(AdminApiClient api, String body) throws Exception {
        var started = api.post("/api/admin/fleet/jobs", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = "/api/admin/fleet/jobs/" + started.text("/job/id");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(job).text("/job/status").equals("COMPLETED"));
        return api.get(job).json();
    }
}
