package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The telemetry API contract over HTTP: a tenant user's envelope reaches the SuperAdmin's numbers, the series, and re-sync. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelemetryApiTests {

    private final AdminApiClients clients;
    private final JdbcClient jdbc;
    private final int port;

    TelemetryApiTests(AdminApiClients clients, JdbcClient jdbc, @LocalServerPort int port) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void snapshotSeriesAndResyncFollowTheContract() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner("starter");
        String base = "/api/admin/tenants/" + owner.tenantId() + "/telemetry";
        String id = api.multipart(owner.accessToken(), "/api/v1/envelopes", Map.of("title", "Telemetry",
                "recipients", "[{\"name\":\"S\",\"email\":\"s@telemetry.test\"}]"), "t.pdf", SamplePdf.withText("t")).text("/id");
        api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + id + "/send", null);

        await().atMost(Duration.ofSeconds(2)).until(() -> api.get(base).json().get("envelopesThisMonth").asInt() == 1);
        var snapshot = api.get(base).json();
        for (String field : new String[] {"tenantId", "envelopesTotal", "envelopesThisMonth", "envelopesCompleted", "activeUsers30d",
                "seatsUsed", "seatLimit", "monthlyEnvelopeLimit", "lastActivityAt", "asOf", "stale"}) {
            assertThat(snapshot.has(field)).as(field).isTrue();
        }
        assertThat(snapshot.get("seatLimit").asInt()).isEqualTo(5);
        assertThat(snapshot.get("activeUsers30d").asInt()).as("the owner signed in").isEqualTo(1);
        assertThat(api.get(base + "/series?days=90").json().get("points").size()).isEqualTo(90);
        assertThat(api.get(base + "/series?days=0").status()).isEqualTo(400);

        jdbc.sql("UPDATE tenant_usage SET envelopes_this_month = 7 WHERE tenant_id = :t").param("t", UUID.fromString(owner.tenantId())).update();
        var resynced = api.post(base + "/resync", "{}");
        assertThat(resynced.status()).isEqualTo(200);
        assertThat(resynced.json().at("/corrected/envelopesThisMonth/before").asInt()).isEqualTo(7);
        assertThat(resynced.json().at("/corrected/envelopesThisMonth/after").asInt()).isEqualTo(1);
        assertThat(resynced.json().get("envelopesThisMonth").asInt()).isEqualTo(1);
        assertThat(api.get("/api/admin/tenants/" + UUID.randomUUID() + "/telemetry").status()).isEqualTo(404);
    }

    @Test
    void theAllTenantResyncRunsAsAJobWhoseProgressCanBeFollowed() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var started = api.post("/api/admin/telemetry/resync", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = "/api/admin/telemetry/resync/" + started.text("/jobId");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get(job).text("/status").equals("COMPLETED"));
        var done = api.get(job).json();
        assertThat(done.get("processed").asLong()).isEqualTo(done.get("total").asLong());
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(api.get("/api/admin/telemetry/resync/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void reportsAndDomainDiagnosticsFollowTheContract() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        assertThat(api.get("/api/admin/reports/approaching-limits").json().get("items").isArray()).isTrue();
        assertThat(api.get("/api/admin/reports/approaching-limits?threshold=2").status()).isEqualTo(400);
        assertThat(api.get("/api/admin/reports/compliance-review?inactiveDays=90").json().get("items").isArray()).isTrue();

        AdminApiClient.TenantOwner plain = api.tenantOwner("starter");
        String flag = "/api/admin/tenants/" + plain.tenantId() + "/flag";
        assertThat(api.get(flag).status()).isEqualTo(404);
        assertThat(api.post(flag, "{}").status()).as("a reason is required").isEqualTo(400);
        assertThat(api.post(flag, "{\"reason\":\"Phishing report from a bank\"}").text("/automatic")).isEqualTo("false");
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/admin/reports/compliance-review").body()
                .contains("Phishing report from a bank"));
        assertThat(api.post(flag + "/clear", "{\"reason\":\"Bank withdrew the report\"}").status()).isEqualTo(204);
        assertThat(api.get(flag).status()).isEqualTo(404);
        assertThat(api.post(flag + "/clear", "{\"reason\":\"Again\"}").status()).as("nothing to clear").isEqualTo(404);
        var trail = api.get("/api/admin/audit?tenantId=" + plain.tenantId()).body();
        assertThat(trail).contains("tenant.flagged").contains("tenant.flag-cleared").contains("Bank withdrew the report");
        var noDomain = api.post("/api/admin/tenants/" + plain.tenantId() + "/domain/diagnostics", "{}");
        assertThat(noDomain.status()).isEqualTo(409);
        assertThat(noDomain.text("/field")).isEqualTo("customDomain");

        String slug = TestTenants.slug("dapi");
        String domain = "sign." + slug + ".test";
        String id = api.post("/api/admin/tenants", """
                {"name":"Domain API %s","slug":"%s","plan":"starter","ownerEmail":"o@%s.test","customDomain":"%s"}"""
                .formatted(slug, slug, slug, domain)).text("/id");
        TestDomainRecords.DNS.putAddresses(domain, "127.0.0.1");
        String token = api.get("/api/admin/tenants/" + id + "/domain").text("/verificationToken");
        TestDomainRecords.DNS.putTxt("_iusign-verification." + domain, token);
        var diagnosis = api.post("/api/admin/tenants/" + id + "/domain/diagnostics", "{}");
        assertThat(diagnosis.status()).as(diagnosis.body()).isEqualTo(200);
        assertThat(diagnosis.json().get("checks").size()).isEqualTo(7);
        assertThat(diagnosis.text("/checks/0/check")).isEqualTo("dns");
        assertThat(diagnosis.text("/checks/1/status")).as("127.0.0.1 is the target localhost's address").isEqualTo("PASS");
        assertThat(diagnosis.text("/checks/2/status")).as("ownership").isEqualTo("PASS");
        assertThat(diagnosis.text("/checks/3/status")).as("nothing listens on 443 here").isEqualTo("FAIL");
    }
}
