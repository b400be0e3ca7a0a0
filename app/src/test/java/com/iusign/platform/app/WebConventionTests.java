package com.iusign.platform.app;

import com.iusign.platform.audit.AuditEntry;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kernel's one web convention, seen from a script: every mutating admin endpoint keeps the
 * caller's {@code X-Correlation-Id} on its audit entry (and echoes it), and a malformed id is the
 * same 400 {@code validation} problem naming the parameter on every endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebConventionTests {

    private final AdminApiClients clients;
    private final AuditTrail audit;
    @LocalServerPort
    private int port;
    private AdminApiClient api;
    private AdminApiClient.TenantOwner owner;
    private String ownerId;

    WebConventionTests(AdminApiClients clients, AuditTrail audit) {
        this.clients = clients;
        this.audit = audit;
    }

    @BeforeEach
    void tenantWithOwner() throws Exception {
        api = new AdminApiClient(clients, port);
        owner = api.tenantOwner("business");
        ownerId = api.get("/api/admin/tenants/" + owner.tenantId() + "/users").text("/0/id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            user lock          | /users/{user}/lock              | {"reason":"Correlated lock"}    | user.locked
            user unlock        | /users/{user}/unlock            | {"reason":"Correlated unlock"}  | user.unlocked
            tenant flush       | /sessions/flush                 | {"reason":"Correlated flush"}   | sessions.flushed
            user flush         | /users/{user}/sessions/flush    | {"reason":"Correlated flush"}   | user.sessions-flushed
            flag               | /flag                           | {"reason":"Correlated flag"}    | tenant.flagged
            """)
    void aMutatingEndpointKeepsTheCallersCorrelationIdOnItsAuditEntry(String name, String path, String body, String action) throws Exception {
        if (action.equals("user.unlocked")) {
            tenantCall("/users/{user}/lock", "{\"reason\":\"Locked first\"}", "lock-" + UUID.randomUUID());
        }
        String correlation = "script-" + UUID.randomUUID();

        LoopbackClient.Answer answer = tenantCall(path, body, correlation);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Correlation-Id")).hasValue(correlation);
        assertAuditedWith(action, correlation);
    }

    @Test
    void clearingAFlagKeepsTheCallersCorrelationId() throws Exception {
        tenantCall("/flag", "{\"reason\":\"Flagged first\"}", "flag-" + UUID.randomUUID());
        String correlation = "clear-" + UUID.randomUUID();

        assertThat(tenantCall("/flag/clear", "{\"reason\":\"Checked, fine\"}", correlation).status()).isEqualTo(204);
        assertAuditedWith("tenant.flag-cleared", correlation);
    }

    @Test
    void aKeyRotationKeepsTheCallersCorrelationIdAndReason() throws Exception {
        String correlation = "rotate-" + UUID.randomUUID();

        LoopbackClient.Answer answer = call("/api/admin/signing-keys/rotate", "{\"reason\":\"Quarterly rotation\",\"ticket\":\"SEC-7\"}",
                correlation);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries("signing-key.rotated"))
                .anySatisfy(entry -> {
                    assertThat(entry.correlationId()).isEqualTo(correlation);
                    assertThat(entry.reason()).isEqualTo("Quarterly rotation");
                    assertThat(entry.ticket()).isEqualTo("SEC-7");
                }));
    }

    @Test
    void aMalformedCorrelationIdIsReplacedByAFreshOne() throws Exception {
        LoopbackClient.Answer answer = tenantCall("/sessions/flush", "{\"reason\":\"Odd header\"}", "not valid; <script>");

        assertThat(answer.headers().firstValue("X-Correlation-Id")).get().asString().matches("[0-9a-f-]{36}");
    }

    @Test
    void aManifestExportNeverStoresAMalformedCorrelationId() throws Exception {
        String malformed = "x".repeat(150) + " <script>";

        LoopbackClient.Answer export = new LoopbackClient(port, "127.0.0.1").get("/api/admin/manifest/export.csv?status=DEACTIVATED",
                "Authorization", "Bearer " + api.token(), "X-Correlation-Id", malformed);

        assertThat(export.status()).isEqualTo(200);
        assertThat(entries("manifest.exported")).singleElement()
                .satisfies(entry -> assertThat(entry.correlationId()).matches("[0-9a-f-]{36}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/admin/tenants/not-a-uuid                              | id
            GET  | /api/admin/tenants/not-a-uuid/history                      | id
            GET  | /api/admin/tenants/not-a-uuid/users                        | tenantId
            GET  | /api/admin/tenants/not-a-uuid/telemetry                    | tenantId
            GET  | /api/admin/tenants/not-a-uuid/telemetry/series             | tenantId
            GET  | /api/admin/tenants/not-a-uuid/flag                         | tenantId
            GET  | /api/admin/tenants/not-a-uuid/domain                       | tenantId
            GET  | /api/admin/audit?tenantId=not-a-uuid                       | tenantId
            GET  | /api/admin/telemetry/resync/not-a-uuid                     | jobId
            POST | /api/admin/tenants/not-a-uuid/suspend                      | id
            POST | /api/admin/tenants/not-a-uuid/sessions/flush               | tenantId
            POST | /api/admin/tenants/{tenant}/users/not-a-uuid/lock          | userId
            POST | /api/admin/tenants/{tenant}/users/1-2-3-4-5/sessions/flush | userId
            """)
    void aMalformedIdIsAValidationProblemNamingTheParameter(String method, String path, String parameter) throws Exception {
        String target = path.replace("{tenant}", owner.tenantId());
        AdminApiClient.Reply reply = method.equals("GET") ? api.get(target) : api.post(target, "{\"reason\":\"Malformed id\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:validation");
        assertThat(reply.json().get("errors").valueStream().map(error -> error.get("field").asString())).containsExactly(parameter);
    }

    @Test
    void aMalformedEnvelopeIdIsAValidationProblemOnTheTenantApiToo() throws Exception {
        AdminApiClient.Reply reply = api.as(owner.accessToken(), "GET", "/api/v1/envelopes/not-a-uuid", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    private LoopbackClient.Answer tenantCall(String path, String body, String correlation) throws Exception {
        return call("/api/admin/tenants/" + owner.tenantId() + path.replace("{user}", ownerId), body, correlation);
    }

    private LoopbackClient.Answer call(String path, String body, String correlation) throws Exception {
        return new LoopbackClient(port, "127.0.0.1").post(path, body, "Authorization", "Bearer " + api.token(), "X-Correlation-Id", correlation);
    }

    private void assertAuditedWith(String action, String correlation) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(entries(action))
                .as("an audit entry %s with correlation id %s", action, correlation)
                .anySatisfy(entry -> assertThat(entry.correlationId()).isEqualTo(correlation)));
    }

    private List<AuditEntry> entries(String action) {
        return audit.find(new AuditQuery(null, action, api.clientId, null, 50)).items();
    }
}
