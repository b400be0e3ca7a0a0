package com.iusign.platform.app;

import com.iusign.platform.audit.AuditEntry;
import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.RegisteredApiClient;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SuperAdmin actions outside any tenant are audited too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformActionsAuditTests {

    private final AdminApiClients clients;
    private final SuperAdminAccounts accounts;
    private final AuditTrail trail;

    PlatformActionsAuditTests(AdminApiClients clients, SuperAdminAccounts accounts, AuditTrail trail) {
        this.clients = clients;
        this.accounts = accounts;
        this.trail = trail;
    }

    @Test
    void registeringAndRevokingAnApiClientAreAudited() {
        String admin = "auditor-" + UUID.randomUUID() + "@iusign.test";
        RegisteredApiClient client = clients.register("Audited client", admin);
        clients.revoke(client.client().clientId(), admin);

        assertThat(trail.find(new AuditQuery(null, null, admin, null, 10)).items())
                .extracting(AuditEntry::action).containsExactly("api-client.revoked", "api-client.registered");
        assertThat(trail.find(new AuditQuery(null, "api-client.registered", admin, null, 10)).items().getFirst().after())
                .containsEntry("clientId", client.client().clientId()).doesNotContainValue(client.secret());
    }

    @Test
    void aPasswordChangeIsAuditedWithoutThePassword() {
        String email = accounts.create("pw-" + UUID.randomUUID() + "@iusign.test", "first password 123").email();
        accounts.changePassword(email, "first password 123", "second password 456");

        AuditEntry entry = trail.find(new AuditQuery(null, "superadmin.password-changed", email, null, 10)).items().getFirst();
        assertThat(entry.actor()).isEqualTo(email);
        assertThat(entry.toString()).doesNotContain("first password", "second password");
    }
}
