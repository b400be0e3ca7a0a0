package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Over its plan's rate a tenant gets 429 with Retry-After and RateLimit-* headers, then is served again once the bucket refills. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantRateLimitApiTests {

    private final AdminApiClients clients;
    private final JdbcClient jdbc;
    private final int port;

    TenantRateLimitApiTests(AdminApiClients clients, JdbcClient jdbc, @LocalServerPort int port) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Test
    void theRequestOverTheBurstIsRefusedWith429AndTheHeadersSayWhenToRetry() throws Exception {
        String plan = TestTenants.slug("rlapi");
        jdbc.sql("""
                INSERT INTO plan (code, name, seat_limit, monthly_envelope_limit, sort_order, api_requests_per_second, api_burst)
                VALUES (:code, 'Rate API test', 5, 5, 99, 1, 2)""").param("code", plan).update();
        AdminApiClient api = new AdminApiClient(clients, port);
        String token = api.tenantOwner(plan).accessToken();

        HttpResponse<String> first = api.getAs(token, "/api/v1/me");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("1");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("1");
        assertThat(api.getAs(token, "/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> limited = api.getAs(token, "/api/v1/me");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(limited.body()).contains("urn:iusign:problem:rate-limited").contains("1 requests per second");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("WWW-Authenticate")).as("not an authentication failure").isEmpty();

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.getAs(token, "/api/v1/me").statusCode() == 200);
    }
}
