package com.iusign.platform.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trusted-proxy setting: behind a TLS proxy declared with {@code server.forward-headers-strategy=native}
 * and {@code server.tomcat.remoteip.internal-proxies}, the throttles count the client the proxy
 * forwards, the session cookie is {@code Secure} and HSTS is sent; the same headers from any other
 * address are ignored. The proxy is 127.0.0.9 here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.9",
        "iusign.throttle.sign-in-per-second=1", "iusign.throttle.sign-in-burst=3"})
class BehindTlsProxyTests {

    private static final String SPRAY = """
            {"tenant":"some-tenant","email":"victim@example.test","password":"Autumn2026!"}""";

    private final int port;

    BehindTlsProxyTests(@LocalServerPort int port) {
        this.port = port;
    }

    @Test
    void theThrottleCountsTheClientTheTrustedProxyForwards() throws Exception {
        LoopbackClient proxy = new LoopbackClient(port, "127.0.0.9");
        List<Integer> first = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            first.add(proxy.post("/api/v1/auth/token", SPRAY, "X-Forwarded-For", "198.51.100.7", "X-Forwarded-Proto", "https").status());
        }
        assertThat(first).endsWith(429);

        assertThat(proxy.post("/api/v1/auth/token", SPRAY, "X-Forwarded-For", "198.51.100.8", "X-Forwarded-Proto", "https").status())
                .as("another client behind the same proxy is not throttled").isEqualTo(401);
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNotTheProxyAreIgnored() throws Exception {
        LoopbackClient direct = new LoopbackClient(port, "127.0.0.10");
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            statuses.add(direct.post("/api/v1/auth/token", SPRAY, "X-Forwarded-For", "203.0.113." + attempt).status());
        }
        assertThat(statuses).endsWith(429);
    }

    @Test
    void overTheProxysHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var overHttps = new LoopbackClient(port, "127.0.0.9").get("/login", "Accept", "text/html", "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "198.51.100.9");
        assertThat(overHttps.header("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        assertThat(overHttps.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));

        var plainHttp = new LoopbackClient(port, "127.0.0.11").get("/login", "Accept", "text/html", "X-Forwarded-Proto", "https");
        assertThat(plainHttp.header("Strict-Transport-Security")).as("a forged X-Forwarded-Proto is ignored").isNull();
    }
}
