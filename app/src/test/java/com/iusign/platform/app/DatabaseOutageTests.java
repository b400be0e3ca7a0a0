package com.iusign.platform.app;

import com.iusign.platform.app.faults.TcpProxy;

import com.iusign.platform.Application;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red-team finding 8: while PostgreSQL is unreachable an admin API call answers a 503 problem
 * within the pool's short connection timeout — not a redirect to the login page after 30 s — and
 * the instance still shuts down promptly. A second instance reaches the database through a proxy
 * this test cuts; the shared server itself is never touched.
 */
@SpringBootTest
class DatabaseOutageTests {

    private final Environment environment;
    private final AdminApiClients clients;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    DatabaseOutageTests(Environment environment, AdminApiClients clients) {
        this.environment = environment;
        this.clients = clients;
    }

    @Test
    void apiCallsAnswer503QuicklyWhileTheDatabaseIsGoneAndTheInstanceStillStopsPromptly() throws Exception {
        String url = environment.getProperty("spring.datasource.url");
        URI database = URI.create(url.substring("jdbc:".length()));
        RegisteredApiClient client = clients.register("Outage script", "ops@iusign.test");
        try (TcpProxy proxy = new TcpProxy(database.getHost(), database.getPort())) {
            String proxied = url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + proxy.port());
            ConfigurableApplicationContext instance = new SpringApplicationBuilder(Application.class).run("--server.port=0",
                    "--spring.datasource.url=" + proxied,
                    "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                    "--spring.liquibase.enabled=false", "--iusign.database.admin-url=",
                    "--spring.data.redis.url=" + environment.getProperty("spring.data.redis.url"),
                    "--iusign.keys.master-key=" + masterKey());
            int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
            String token = token(port, client);
            assertThat(get(port, "/api/admin/manifest?size=1", token).statusCode()).isEqualTo(200);

            proxy.cut();
            long started = System.nanoTime();
            HttpResponse<String> during = get(port, "/api/admin/manifest?size=1", token);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);

            assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(during.body()).contains("urn:iusign:problem:database-unavailable");
            assertThat(during.headers().firstValue("Retry-After")).isPresent();
            assertThat(answeredIn).as("bounded by the pool's connection timeout, not 30 s").isLessThan(Duration.ofSeconds(10));

            started = System.nanoTime();
            instance.close();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("shutdown without a database").isLessThan(Duration.ofSeconds(20));
        }
    }

    /** The test context's master key when it has one (CI), else any: this instance reads no document. */
    private String masterKey() {
        String configured = environment.getProperty("iusign.keys.master-key", "");
        return configured.isBlank() ? Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32)) : configured;
    }

    private String token(int port, RegisteredApiClient client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
