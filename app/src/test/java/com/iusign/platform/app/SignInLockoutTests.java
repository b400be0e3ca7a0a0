package com.iusign.platform.app;

import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.security.AdminApiClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Red-team finding 4 (lockout as a weapon) and 5 (exports and lockouts audited): whoever knows a
 * tenant user's e-mail can make only their own address wait, never lock the owner out, and the
 * answers read the same whether the account exists. Each client address is a distinct loopback
 * address (127.0.0.x) bound by the test's HTTP client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInLockoutTests {

    private final AdminApiClients clients;
    private final AuditTrail audit;
    private final int port;

    SignInLockoutTests(AdminApiClients clients, AuditTrail audit, @LocalServerPort int port) {
        this.clients = clients;
        this.audit = audit;
        this.port = port;
    }

    @Test
    void anAttackerWhoKnowsTheOwnersEmailLocksOutOnlyTheirOwnAddress() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("business");
        String email = "owner@" + owner.slug() + ".test";
        String password = "owner password " + owner.slug();
        LoopbackClient attacker = new LoopbackClient(port, "127.0.0.2");
        LoopbackClient ownersLaptop = new LoopbackClient(port, "127.0.0.3");

        LoopbackClient.Answer lastWrong = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            lastWrong = attacker.post("/api/v1/auth/token", signIn(owner.slug(), email, "guess number " + attempt));
            assertThat(lastWrong.status()).isEqualTo(401);
        }
        var attackerWithTheRightPassword = attacker.post("/api/v1/auth/token", signIn(owner.slug(), email, password));
        assertThat(attackerWithTheRightPassword.status()).as("the attacker's address waits").isEqualTo(401);
        assertThat(attackerWithTheRightPassword.text("/detail")).isEqualTo(lastWrong.text("/detail"));

        var theOwner = ownersLaptop.post("/api/v1/auth/token", signIn(owner.slug(), email, password));
        assertThat(theOwner.status()).as("the owner signs in from elsewhere").isEqualTo(200);

        assertThat(audit.find(new AuditQuery(UUID.fromString(owner.tenantId()), "sign-in.locked-out", null, null, 5)).items())
                .as("the lockout is in the tenant's audit trail").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.after()).containsEntry("source", "127.0.0.2"));
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOne() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        var owner = api.tenantOwner("starter");
        LoopbackClient prober = new LoopbackClient(port, "127.0.0.4");
        String known = "owner@" + owner.slug() + ".test";
        String unknown = "nobody@" + owner.slug() + ".test";

        for (int attempt = 1; attempt <= 7; attempt++) {
            var forKnown = prober.post("/api/v1/auth/token", signIn(owner.slug(), known, "guess " + attempt));
            var forUnknown = prober.post("/api/v1/auth/token", signIn(owner.slug(), unknown, "guess " + attempt));
            assertThat(forUnknown.status()).isEqualTo(forKnown.status());
            assertThat(forUnknown.body()).as("attempt " + attempt).isEqualTo(forKnown.body());
        }
    }

    @Test
    void aManifestExportIsAudited() throws Exception {
        AdminApiClient api = new AdminApiClient(clients, port);
        String correlation = "export-" + UUID.randomUUID();

        var export = new LoopbackClient(port, "127.0.0.1").get("/api/admin/manifest/export.csv?status=SUSPENDED",
                "Authorization", "Bearer " + api.token(), "X-Correlation-Id", correlation);

        assertThat(export.status()).isEqualTo(200);
        assertThat(audit.find(new AuditQuery(null, "manifest.exported", api.clientId, null, 5)).items()).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.after()).containsEntry("filter", "status=SUSPENDED");
                    assertThat(entry.correlationId()).isEqualTo(correlation);
                });
    }

    private static String signIn(String slug, String email, String password) {
        return """
                {"tenant":"%s","email":"%s","password":"%s"}""".formatted(slug, email, password);
    }
}
