package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The running platform over real HTTP: what is open, what is guarded, and how it answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleHttpTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AdminApiClients clients;
    private final int port;

    ConsoleHttpTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @Test
    void consoleRedirectsAnAnonymousVisitorToSignIn() throws Exception {
        HttpResponse<String> response = get("/", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void healthAndProbesAnswerAnonymouslyWithStatusOnly() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("redis");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(liveness.statusCode()).isEqualTo(200);
    }

    @Test
    void healthDetailsAreShownToASuperAdminToken() throws Exception {
        HttpResponse<String> health = get("/actuator/health", superAdminToken());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"").contains("\"redis\"").contains("PostgreSQL");
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void otherActuatorEndpointsNeedASuperAdminToken() throws Exception {
        assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info", superAdminToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void adminApiAnswersAnonymousCallsWithAProblem() throws Exception {
        HttpResponse<String> response = get("/api/admin/api-clients", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:iusign:problem:unauthenticated");
    }

    @Test
    void theAdminApiIsDescribedByAnOpenApiDocument() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("/api/admin/tenants/{id}/suspend").contains("/api/admin/audit")
                .contains("adminToken");
    }

    private String superAdminToken() throws IOException, InterruptedException {
        RegisteredApiClient client = clients.register("HTTP test", "test@iusign.test");
        String basic = Base64.getEncoder().encodeToString((client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
