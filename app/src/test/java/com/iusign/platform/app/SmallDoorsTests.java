package com.iusign.platform.app;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.IssuedToken;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.security.TenantTokens;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Red-team finding 6, the smaller doors, each tried over HTTP the way the red team tried it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SmallDoorsTests {

    private static final String SUPERADMIN_PASSWORD = "small doors console passphrase";

    private final AdminApiClients clients;
    private final TenantTokens tokens;
    private final SuperAdminAccounts accounts;
    private final int port;

    SmallDoorsTests(AdminApiClients clients, TenantTokens tokens, SuperAdminAccounts accounts, @LocalServerPort int port) {
        this.clients = clients;
        this.tokens = tokens;
        this.accounts = accounts;
        this.port = port;
    }

    @Test
    void guessablePasswordsAreRefusedWithTheReason() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String slug = TestTenants.slug("pw");
        var provisioned = api.post("/api/admin/tenants", """
                {"name":"Passwords %s","slug":"%s","plan":"starter","ownerEmail":"owner@%s.test"}""".formatted(slug, slug, slug));
        String token = provisioned.text("/ownerActivationToken");

        for (String weak : List.of("aaaaaaaaaaaa", "Password123!", "qwertyuiop12", "iloveyou2026")) {
            var refused = api.as(null, "POST", "/api/v1/auth/activate", """
                    {"token":"%s","password":"%s"}""".formatted(token, weak));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).contains("password").contains("too easy to guess");
        }
        assertThat(api.as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"violet ledger canoe 58"}""".formatted(token)).status()).isEqualTo(204);
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefused() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");
        String userId = api.as(owner.accessToken(), "GET", "/api/v1/me", null).text("/userId");
        TenantId tenant = new TenantId(UUID.fromString(owner.tenantId()));
        IssuedToken probe = tokens.issue(tenant, UUID.fromString(userId), "owner@" + owner.slug() + ".test", List.of("OWNER"));
        Duration ttl = Duration.between(probe.issuedAt(), probe.expiresAt());

        String expired = tokens.issueAt(tenant, UUID.fromString(userId), "o@x.test", List.of("OWNER"),
                Instant.now().minus(ttl).minusSeconds(10)).value();

        var refused = api.as(expired, "GET", "/api/v1/me", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).containsIgnoringCase("expired");
    }

    @Test
    void anApiPathNoEndpointServesIsA404ProblemNotTheConsolePage() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");

        for (var reply : List.of(api.as(null, "GET", "/api/nope", null), api.get("/api/admin/nope"),
                api.as(owner.accessToken(), "GET", "/api/v1/nope", null), api.as(null, "POST", "/api/public/nope", "{}"))) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.text("/type")).isEqualTo("urn:iusign:problem:not-found");
        }
    }

    @Test
    void theConsoleAndTheSigningPageSendAContentSecurityPolicy() throws Exception {
        LoopbackClient browser = new LoopbackClient(port, "127.0.0.1");
        for (String page : List.of("/login", "/sign/" + UUID.randomUUID())) {
            var answer = browser.get(page, "Accept", "text/html");
            assertThat(answer.header("Content-Security-Policy")).as(page)
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedAndOneFromTheConsoleWorks() throws Exception {
        String email = accounts.create("csrf-" + UUID.randomUUID() + "@iusign.test", SUPERADMIN_PASSWORD).email();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(SUPERADMIN_PASSWORD, StandardCharsets.UTF_8);
        LoopbackClient browser = new LoopbackClient(port, "127.0.0.1");

        var crossSite = browser.postForm("/login", form, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.header("Set-Cookie")).as("no session is handed out").isNull();

        var ownPage = browser.postForm("/login", form, "Origin", "http://127.0.0.1:" + port, "Sec-Fetch-Site", "same-origin");
        assertThat(ownPage.status()).isEqualTo(302);
        assertThat(ownPage.header("Location")).doesNotContain("error");
    }

    @Test
    void titlesAndNamesWithTextDirectionOverridesAreRefused() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");

        var title = api.multipart(owner.accessToken(), "/api/v1/envelopes", Map.of("title", "Invoice 2026 \u202Efdp.exe",
                "recipients", "[{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.test\"}]"), "invoice.pdf", SamplePdf.withText("x"));
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.body()).contains("\"field\":\"title\"").contains("U+202E");

        var name = api.multipart(owner.accessToken(), "/api/v1/envelopes", Map.of("title", "Invoice 2026",
                "recipients", "[{\"name\":\"Ada \u2066Lovelace\",\"email\":\"ada@example.test\"}]"), "invoice.pdf", SamplePdf.withText("x"));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.body()).contains("recipients[0].name");
    }

    @Test
    void aTypedSignatureMustBeTheRecipientsOwnName() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");
        String link = api.sentLink(owner, "Lease", "Ada Lovelace", "ada@example.test");

        var someoneElse = api.as(null, "POST", link + "/sign", "{\"typedName\":\"Mickey Mouse\"}");
        assertThat(someoneElse.status()).isEqualTo(400);
        assertThat(someoneElse.body()).contains("typedName").contains("Ada Lovelace");
        assertThat(api.as(null, "GET", link, null).json().get("signed").asBoolean()).as("nothing was signed").isFalse();

        assertThat(api.as(null, "POST", link + "/sign", "{\"typedName\":\"  ada   LOVELACE \"}").status()).isEqualTo(200);
    }

    @Test
    void aCustomDomainThatResolvesInsideIsNotConnectedTo() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String slug = TestTenants.slug("inside");
        String domain = "sign." + slug + ".test";
        String id = api.post("/api/admin/tenants", """
                {"name":"Inside %s","slug":"%s","plan":"starter","ownerEmail":"o@%s.test","customDomain":"%s"}"""
                .formatted(slug, slug, slug, domain)).text("/id");
        TestDomainRecords.DNS.putAddresses(domain, "127.0.0.2", "198.51.100.20");

        var diagnosis = api.post("/api/admin/tenants/" + id + "/domain/diagnostics", "{}");

        assertThat(diagnosis.status()).isEqualTo(200);
        assertThat(diagnosis.text("/checks/3/check")).isEqualTo("tls");
        assertThat(diagnosis.text("/checks/3/status")).isEqualTo("FAIL");
        assertThat(diagnosis.text("/checks/3/detail")).contains("127.0.0.2 is a loopback address").contains("internal networks");
    }
}
