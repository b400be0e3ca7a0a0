package com.iusign.platform.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness reports DOWN while Redis is unreachable, so a load balancer stops sending traffic to
 * the instance. Redis here is loopback port 1, on which nothing listens; the shared servers are
 * never touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.data.redis.url=redis://127.0.0.1:1",
                "spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms"})
class RedisOutageReadinessTests {

    @LocalServerPort
    int port;

    @Test
    void readinessIsDownWhileRedisIsUnreachableAndLivenessStaysUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> liveness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }
}
