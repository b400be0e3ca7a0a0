package com.iusign.platform.app;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.Mails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrative recovery over real HTTP: the admin API, the public veto endpoint, the reset through activation, the gate. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryApiTests {

    private final AdminApiClients clients;
    private final SuperAdminAccounts accounts;
    private final EmbeddedMailbox mailbox;
    private final int port;
    private AdminApiClient alice;
    private AdminApiClient bob;

    RecoveryApiTests(AdminApiClients clients, SuperAdminAccounts accounts, EmbeddedMailbox mailbox, @LocalServerPort int port) {
        this.clients = clients;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.port = port;
    }

    @BeforeEach
    void twoSuperAdmins() throws Exception {
        alice = new AdminApiClient(clients, port, accounts.create("alice-" + UUID.randomUUID() + "@iusign.test", "alice passphrase 2026 x").email());
        bob = new AdminApiClient(clients, port, accounts.create("bob-" + UUID.randomUUID() + "@iusign.test", "bob passphrase 2026 xyz").email());
    }

    @Test
    void completionEndsTheOldTokensAndTheMailedResetLinkSetsANewPassword() throws Exception {
        AdminApiClient.TenantOwner tenant = alice.tenantOwner("business");
        Member member = member(tenant);
        assertThat(alice.getAs(member.accessToken(), "/api/v1/me").statusCode()).isEqualTo(200);
        String cases = "/api/admin/tenants/" + tenant.tenantId() + "/recovery-cases";

        AdminApiClient.Reply opened = alice.post(cases, """
                {"userId":"%s","situation":"LOST_PASSWORD","evidence":"Ticket SUP-9, asked through the support portal",
                 "identityEstablished":"Called back on the number in the HR record","reason":"Member lost the password",
                 "ticket":"SUP-9"}""".formatted(member.id()));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.text("/recoveryCase/id");
        assertThat(alice.post(cases + "/" + id + "/challenge", "{\"reason\":\"Code to the contact on file\"}").text("/recoveryCase/status"))
                .isEqualTo("CHALLENGED");
        AdminApiClient.Reply wrong = alice.post(cases + "/" + id + "/verify", "{\"code\":\"00000000\",\"reason\":\"Read back\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("/type")).isEqualTo("urn:iusign:problem:wrong-code");
        assertThat(wrong.json().at("/attemptsLeft").asInt()).isEqualTo(4);
        AdminApiClient.Reply verified = alice.post(cases + "/" + id + "/verify", "{\"code\":\"%s\",\"reason\":\"Read back\"}"
                .formatted(code(member.email())));
        assertThat(verified.text("/recoveryCase/status")).as(verified.body()).isEqualTo("VERIFIED");
        assertThat(alice.post(cases + "/" + id + "/complete", "{\"reason\":\"Too early\"}").status()).isEqualTo(409);

        AdminApiClient.Reply asked = alice.post(cases + "/" + id + "/cooling-off/end", "{\"reason\":\"Member must sign today\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(alice.post("/api/admin/approvals/" + asked.text("/id") + "/approve", "{\"reason\":\"Mine\"}").status()).isEqualTo(403);
        assertThat(bob.post("/api/admin/approvals/" + asked.text("/id") + "/approve", "{\"reason\":\"Owner confirmed by phone\"}").status())
                .isEqualTo(200);
        AdminApiClient.Reply completed = alice.post(cases + "/" + id + "/complete", "{\"reason\":\"Identity verified, no veto\"}");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.text("/recoveryCase/status")).isEqualTo("COMPLETED");

        assertThat(alice.getAs(member.accessToken(), "/api/v1/me").statusCode()).as("the old access token is refused").isEqualTo(401);
        String reset = linkToken(member.email(), "/activate", 1); // the first is the invitation
        assertThat(alice.as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"a recovered passphrase 2026"}""".formatted(reset)).status()).isEqualTo(204);
        assertThat(alice.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"a recovered passphrase 2026"}""".formatted(tenant.slug(), member.email()))
                .status()).isEqualTo(200);
        assertThat(alice.get("/api/admin/audit?tenantId=" + tenant.tenantId() + "&action=recovery.completed").body()).contains("SUP-9");
    }

    @Test
    void theOwnersVetoLinkStopsTheCaseOnceAndAnswersUsedAndUnknownAlike() throws Exception {
        AdminApiClient.TenantOwner tenant = alice.tenantOwner("business");
        Member member = member(tenant);
        String cases = "/api/admin/tenants/" + tenant.tenantId() + "/recovery-cases";
        String id = alice.post(cases, """
                {"userId":"%s","situation":"LOCKED_OUT","evidence":"Phone call from someone claiming to be the member",
                 "identityEstablished":"Answered the security questions","reason":"Locked out"}""".formatted(member.id()))
                .text("/recoveryCase/id");
        alice.post(cases + "/" + id + "/challenge", "{\"reason\":\"Code\"}");
        alice.post(cases + "/" + id + "/verify", "{\"code\":\"%s\",\"reason\":\"Read back\"}".formatted(code(member.email())));

        String veto = linkToken("owner@" + tenant.slug() + ".test", "/recovery/veto", 0);
        assertThat(alice.as(null, "POST", "/api/public/recovery/veto", "{\"token\":\"" + veto + "\"}").status()).isEqualTo(204);
        AdminApiClient.Reply used = alice.as(null, "POST", "/api/public/recovery/veto", "{\"token\":\"" + veto + "\"}");
        AdminApiClient.Reply unknown = alice.as(null, "POST", "/api/public/recovery/veto", "{\"token\":\"" + veto.replaceAll(".{4}$", "AAAA") + "\"}");
        assertThat(used.status()).isEqualTo(400);
        assertThat(used.text("/errors/token")).isEqualTo(unknown.text("/errors/token"));
        assertThat(alice.get(cases + "/" + id).text("/recoveryCase/status")).isEqualTo("VETOED");
        assertThat(alice.post(cases + "/" + id + "/complete", "{\"reason\":\"Anyway\"}").status()).isEqualTo(409);
    }

    private record Member(String id, String email, String accessToken) {
    }

    private Member member(AdminApiClient.TenantOwner tenant) throws Exception {
        String email = "member-" + UUID.randomUUID().toString().substring(0, 6) + "@" + tenant.slug() + ".test";
        AdminApiClient.Reply added = alice.post("/api/admin/tenants/" + tenant.tenantId() + "/users", """
                {"email":"%s","displayName":"Member","role":"MEMBER","reason":"A member"}""".formatted(email));
        alice.as(null, "POST", "/api/v1/auth/activate", """
                {"token":"%s","password":"member passphrase 2026"}""".formatted(added.text("/activationToken")));
        String token = alice.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"%s","password":"member passphrase 2026"}""".formatted(tenant.slug(), email)).text("/access_token");
        return new Member(added.text("/id"), email, token);
    }

    private String code(String address) {
        return Mails.code(mailbox, address);
    }

    /** The token of the {@code nth} mailed link to {@code path} (0 the first). */
    private String linkToken(String address, String path, int nth) {
        return Mails.token(mailbox, address, path, nth + 1);
    }
}
