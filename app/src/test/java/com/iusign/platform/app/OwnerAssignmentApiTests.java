package com.iusign.platform.app;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four eyes over real HTTP: two scripts, each an API client of a different SuperAdmin. One asks for
 * a new owner, neither it nor another client of the same SuperAdmin may approve, the other's
 * approval carries it out once; the manifest then shows the new owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnerAssignmentApiTests {

    private final AdminApiClients clients;
    private final SuperAdminAccounts accounts;
    private final EmbeddedMailbox mailbox;
    private final int port;
    private AdminApiClient alice;
    private AdminApiClient alicesOtherScript;
    private AdminApiClient bob;

    OwnerAssignmentApiTests(AdminApiClients clients, SuperAdminAccounts accounts, EmbeddedMailbox mailbox, @LocalServerPort int port) {
        this.clients = clients;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.port = port;
    }

    @BeforeEach
    void twoSuperAdminsWithAScriptEach() throws Exception {
        String aliceEmail = accounts.create("alice-" + UUID.randomUUID() + "@iusign.test", "alice passphrase 2026 x").email();
        String bobEmail = accounts.create("bob-" + UUID.randomUUID() + "@iusign.test", "bob passphrase 2026 xyz").email();
        alice = new AdminApiClient(clients, port, aliceEmail);
        alicesOtherScript = new AdminApiClient(clients, port, aliceEmail);
        bob = new AdminApiClient(clients, port, bobEmail);
    }

    @Test
    void aRequestIsCarriedOutOnlyBySomeoneElsesApprovalAndOnlyOnce() throws Exception {
        AdminApiClient.TenantOwner tenant = alice.tenantOwner("business");
        String admin = "admin@" + tenant.slug() + ".test";
        String adminId = alice.post("/api/admin/tenants/" + tenant.tenantId() + "/users", """
                {"email":"%s","displayName":"Admin","role":"ADMIN","reason":"An admin to promote"}""".formatted(admin)).text("/id");

        AdminApiClient.Reply requested = alice.post("/api/admin/tenants/" + tenant.tenantId() + "/owner-assignments", """
                {"userId":"%s","reason":"The founder left the company","ticket":"SUP-42"}""".formatted(adminId));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.text("/status")).isEqualTo("PENDING");
        String approval = requested.text("/approvalId");
        assertThat(alice.get("/api/admin/approvals").body()).contains(approval);

        AdminApiClient.Reply own = alice.post("/api/admin/approvals/" + approval + "/approve", "{\"reason\":\"Looks right to me\"}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.text("/type")).isEqualTo("urn:iusign:problem:self-approval");
        AdminApiClient.Reply sameperson = alicesOtherScript.post("/api/admin/approvals/" + approval + "/approve",
                "{\"reason\":\"Looks right to me\"}");
        assertThat(sameperson.status()).isEqualTo(403);
        assertThat(sameperson.text("/detail")).contains("acts for");

        AdminApiClient.Reply second = alice.post("/api/admin/tenants/" + tenant.tenantId() + "/owner-assignments", """
                {"email":"someone@%s.test","reason":"A second request"}""".formatted(tenant.slug()));
        assertThat(second.status()).isEqualTo(409);

        AdminApiClient.Reply approved = bob.post("/api/admin/tenants/" + tenant.tenantId() + "/owner-assignments/"
                + requested.text("/id") + "/approve", "{\"reason\":\"Checked the board minutes\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("/status")).isEqualTo("COMPLETED");
        assertThat(approved.text("/decidedBy")).isEqualTo("api_client:" + bob.clientId);
        AdminApiClient.Reply again = bob.post("/api/admin/approvals/" + approval + "/approve", "{\"reason\":\"Once more\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/type")).isEqualTo("urn:iusign:problem:conflict");

        String users = alice.get("/api/admin/tenants/" + tenant.tenantId() + "/users").body();
        assertThat(users).contains("\"email\":\"" + admin + "\",\"displayName\":\"Admin\",\"role\":\"OWNER\"")
                .contains("\"email\":\"owner@" + tenant.slug() + ".test\",\"displayName\":\"Owner\",\"role\":\"ADMIN\"");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                alice.get("/api/admin/manifest?q=" + tenant.slug()).body().contains("\"ownerEmail\":\"" + admin + "\""));
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to(admin).isEmpty());
        String audit = alice.get("/api/admin/audit?tenantId=" + tenant.tenantId()).body();
        assertThat(audit).contains("tenant.owner-changed", "approval.approved", "approval.requested", "SUP-42");
    }

    @Test
    void anInvitationIsMailedAndNeverAnsweredAndApiClientsCanBeRegistered() throws Exception {
        String email = "new-admin-" + UUID.randomUUID() + "@iusign.test";
        AdminApiClient.Reply invited = alice.post("/api/admin/superadmins", """
                {"email":"%s","reason":"Second pair of eyes for the night shift"}""".formatted(email));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(invited.text("/status")).isEqualTo("INVITED");
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.to(email).isEmpty());
        String link = mailbox.to(email).getLast().text().replaceAll("(?s).*(/activate\\?token=\\S+).*", "$1");
        assertThat(invited.body()).as("the inviter never sees the link").doesNotContain(link.substring(link.indexOf('=') + 1));
        assertThat(alice.post("/api/admin/superadmins", "{\"email\":\"" + email + "\",\"reason\":\"Again\"}").status()).isEqualTo(409);

        AdminApiClient.Reply registered = alice.post("/api/admin/api-clients", "{\"name\":\"Nightly reconciliation\"}");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("/secret")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(alice.get("/api/admin/api-clients").body()).contains(registered.text("/client/clientId"))
                .doesNotContain(registered.text("/secret"));
        assertThat(alice.post("/api/admin/api-clients", "{\"name\":\"x\"}").status()).isEqualTo(400);
    }
}
