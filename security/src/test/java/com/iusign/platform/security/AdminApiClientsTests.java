package com.iusign.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ApplicationModuleTest(extraIncludes = "lifecycle")
class AdminApiClientsTests {

    private final AdminApiClients clients;

    AdminApiClientsTests(AdminApiClients clients) {
        this.clients = clients;
    }

    @Test
    void registeredClientAuthenticatesWithItsSecretOnly() {
        RegisteredApiClient registered = clients.register("Nightly export", "ops@iusign.test");

        assertThat(registered.secret()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(clients.authenticate(registered.client().clientId(), registered.secret())).isPresent();
        assertThat(clients.authenticate(registered.client().clientId(), registered.secret() + "x")).isEmpty();
        assertThat(clients.authenticate(registered.client().clientId(), null)).isEmpty();
        assertThat(clients.authenticate("iusign-unknown", registered.secret())).isEmpty();
    }

    @Test
    void secretIsStoredOnlyAsAHash() {
        RegisteredApiClient registered = clients.register("Billing sync", "ops@iusign.test");

        assertThat(registered.toString()).doesNotContain(registered.secret());
        assertThat(clients.find(registered.client().clientId())).get().asString().doesNotContain(registered.secret());
    }

    @Test
    void revokedClientNoLongerAuthenticatesAndCannotBeRevokedTwice() {
        RegisteredApiClient registered = clients.register("Old script", "ops@iusign.test");
        String clientId = registered.client().clientId();

        AdminApiClient revoked = clients.revoke(clientId, "sec@iusign.test");

        assertThat(revoked.revokedBy()).isEqualTo("sec@iusign.test");
        assertThat(clients.authenticate(clientId, registered.secret())).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> clients.revoke(clientId, "sec@iusign.test"))
                .withMessageContaining("already revoked");
    }

    @Test
    void refusesBadNamesIdsAndSecretsWithoutWritingAnything() {
        int before = clients.list().size();

        assertThatIllegalArgumentException().isThrownBy(() -> clients.register("  x ", "ops@iusign.test"))
                .withMessageContaining("3 to 80");
        assertThatIllegalArgumentException().isThrownBy(() -> clients.registerWithSecret("bad id!", "CI", "s".repeat(30), "ops"))
                .withMessageContaining("letters, digits");
        assertThatIllegalArgumentException().isThrownBy(() -> clients.registerWithSecret("ci-client-x", "CI", "short", "ops"))
                .withMessageContaining("24 to 72");

        assertThat(clients.list()).hasSize(before);
    }
}
