package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Going over a plan quota is a 403 problem that names the quota, its limit and the usage, and writes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanQuotaApiTests {

    private final AdminApiClients clients;
    private final JdbcClient jdbc;
    private final int port;

    PlanQuotaApiTests(AdminApiClients clients, JdbcClient jdbc, @LocalServerPort int port) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void seatsAndMonthlyEnvelopesAreCappedByThePlan() throws Exception {
        String plan = TestTenants.slug("quota");
        jdbc.sql("INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order) VALUES (:code, 'Quota test', 2, 1, 99)")
                .param("code", plan).update();
        AdminApiClient api = new AdminApiClient(clients, port);
        AdminApiClient.TenantOwner owner = api.tenantOwner(plan);
        String users = "/api/admin/tenants/" + owner.tenantId() + "/users";

        assertThat(api.post(users, "{\"email\":\"second@quota.test\",\"displayName\":\"Second\",\"role\":\"MEMBER\",\"reason\":\"hire\"}")
                .status()).isEqualTo(201);
        var third = api.post(users, "{\"email\":\"third@quota.test\",\"displayName\":\"Third\",\"role\":\"MEMBER\",\"reason\":\"hire\"}");
        assertThat(third.status()).as(third.body()).isEqualTo(403);
        assertThat(third.text("/type")).isEqualTo("urn:iusign:problem:quota-exceeded");
        assertThat(third.text("/quota")).isEqualTo("seats");
        assertThat(third.json().get("limit").asInt()).isEqualTo(2);
        assertThat(third.json().get("usage").asInt()).isEqualTo(2);
        assertThat(api.get(users).body()).doesNotContain("third@quota.test");

        String recipients = "[{\"name\":\"Signer\",\"email\":\"signer@quota.test\"}]";
        String first = api.multipart(owner.accessToken(), "/api/v1/envelopes", Map.of("title", "One", "recipients", recipients),
                "a.pdf", SamplePdf.withText("one")).text("/id");
        String second = api.multipart(owner.accessToken(), "/api/v1/envelopes", Map.of("title", "Two", "recipients", recipients),
                "b.pdf", SamplePdf.withText("two")).text("/id");
        assertThat(api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + first + "/send", null).status()).isEqualTo(200);
        var over = api.as(owner.accessToken(), "POST", "/api/v1/envelopes/" + second + "/send", null);
        assertThat(over.status()).as(over.body()).isEqualTo(403);
        assertThat(over.text("/quota")).isEqualTo("monthlyEnvelopes");
        assertThat(over.json().get("limit").asInt()).isEqualTo(1);
        assertThat(over.json().get("usage").asInt()).isEqualTo(1);
        assertThat(api.as(owner.accessToken(), "GET", "/api/v1/envelopes/" + second, null).text("/status")).isEqualTo("DRAFT");
    }
}
