package com.iusign.platform.app;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red-team finding 1: a refresh token issued before a flush (tenant or user) or before a
 * suspension must not mint new access tokens afterwards — not even after a reactivation — and the
 * flush receipt's proof covers a refresh attempt too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlushedSessionsStayEndedTests {

    private static final String PASSWORD = "Tenant-user passphrase 7!";

    private final AdminApiClients clients;
    private final int port;
    private AdminApiClient api;
    private String tenantId;
    private String slug;
    private String ownerEmail;
    private String ownerId;

    FlushedSessionsStayEndedTests(AdminApiClients clients, @LocalServerPort int port) {
        this.clients = clients;
        this.port = port;
    }

    @BeforeEach
    void tenantWithAnActivatedOwner() throws Exception {
        api = new AdminApiClient(clients, port);
        slug = TestTenants.slug("flush");
        ownerEmail = "owner@" + slug + ".test";
        var provisioned = api.post("/api/admin/tenants", """
                {"name":"Flush %s","slug":"%s","plan":"business","ownerEmail":"%s"}""".formatted(slug, slug, ownerEmail));
        tenantId = provisioned.text("/id");
        ownerId = provisioned.text("/ownerUserId");
        assertThat(api.as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"%s"}""".formatted(provisioned.text("/ownerActivationToken"), PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void aRefreshTokenIssuedBeforeAGlobalFlushNoLongerMintsTokens() throws Exception {
        var session = signIn();

        var receipt = api.post("/api/admin/tenants/" + tenantId + "/sessions/flush", "{\"reason\":\"Credential leak\"}");

        assertThat(receipt.json().at("/proof/refreshRefused").asBoolean()).as(receipt.body()).isTrue();
        assertThat(receipt.text("/proof/refreshAnswer")).contains("session-revoked");
        var refreshed = refresh(session.text("/refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(401);
        assertThat(refreshed.text("/type")).isEqualTo("urn:iusign:problem:session-revoked");
        assertThat(refresh(signIn().text("/refresh_token")).status()).as("a sign-in after the flush refreshes").isEqualTo(200);
    }

    @Test
    void aRefreshTokenIssuedBeforeAUserFlushNoLongerMintsTokens() throws Exception {
        var session = signIn();

        var receipt = api.post("/api/admin/tenants/" + tenantId + "/users/" + ownerId + "/sessions/flush", "{\"reason\":\"Lost laptop\"}");

        assertThat(receipt.json().at("/proof/refreshRefused").asBoolean()).as(receipt.body()).isTrue();
        var refreshed = refresh(session.text("/refresh_token"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(401);
        assertThat(refreshed.text("/type")).isEqualTo("urn:iusign:problem:session-revoked");
    }

    @Test
    void reactivationNeverBringsASessionEndedBySuspensionBack() throws Exception {
        var session = signIn();
        api.post("/api/admin/tenants/" + tenantId + "/suspend", "{\"reason\":\"Abuse report\"}");
        api.post("/api/admin/tenants/" + tenantId + "/reactivate", "{\"reason\":\"Cleared\"}");

        var refreshed = refresh(session.text("/refresh_token"));

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(401);
        assertThat(refreshed.text("/type")).isEqualTo("urn:iusign:problem:session-revoked");
        assertThat(refresh(session.text("/refresh_token")).status()).as("the family stays revoked").isEqualTo(401);
    }

    private AdminApiClient.Reply signIn() throws Exception {
        var reply = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"%s"}""".formatted(slug, ownerEmail, PASSWORD));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private AdminApiClient.Reply refresh(String refreshToken) throws Exception {
        return api.as(null, "POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }
}
