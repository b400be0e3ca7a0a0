package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ApplicationModuleTest(extraIncludes = "lifecycle")
class PlatformBootstrapTests {

    private static final String STRONG = "a strong bootstrap password";

    private final PlatformBootstrap bootstrap;
    private final SuperAdminAccounts accounts;
    private final AdminApiClients clients;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    PlatformBootstrapTests(PlatformBootstrap bootstrap, SuperAdminAccounts accounts, AdminApiClients clients,
                           JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.bootstrap = bootstrap;
        this.accounts = accounts;
        this.clients = clients;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Test
    @Transactional
    void firstStartWithoutSettingsCreatesTheDefaultAdminWithAGeneratedPassword() {
        jdbc.sql("DELETE FROM super_admin").update();

        PlatformBootstrap.Outcome outcome = bootstrap.bootstrap(settings(null, null, null, null));

        assertThat(outcome.adminEmail()).isEqualTo(PlatformBootstrap.DEFAULT_ADMIN_EMAIL);
        assertThat(outcome.generatedPassword()).hasSizeGreaterThanOrEqualTo(20);
        String hash = jdbc.sql("SELECT password_hash FROM super_admin WHERE email = :email")
                .param("email", PlatformBootstrap.DEFAULT_ADMIN_EMAIL).query(String.class).single();
        assertThat(passwordEncoder.matches(outcome.generatedPassword(), hash)).isTrue();
    }

    @Test
    @Transactional
    void firstStartWithSettingsCreatesThatAdminAndApiClient() {
        jdbc.sql("DELETE FROM super_admin").update();
        String clientId = "ci-" + UUID.randomUUID();

        PlatformBootstrap.Outcome outcome = bootstrap.bootstrap(settings("Root@IUSign.test", STRONG, clientId, "s".repeat(32)));

        assertThat(outcome.adminEmail()).isEqualTo("root@iusign.test");
        assertThat(outcome.generatedPassword()).isNull();
        assertThat(clients.authenticate(clientId, "s".repeat(32))).isPresent();
    }

    @Test
    @Transactional
    void aLaterStartCreatesNoSecondAdmin() {
        bootstrap.bootstrap(settings("first-" + UUID.randomUUID() + "@iusign.test", STRONG, null, null));
        int admins = accounts.list().size();

        PlatformBootstrap.Outcome outcome = bootstrap.bootstrap(settings("second-" + UUID.randomUUID() + "@iusign.test", STRONG, null, null));

        assertThat(outcome.adminEmail()).isNull();
        assertThat(accounts.list()).hasSize(admins);
    }

    @Test
    void badSettingsStopTheStartWithAClearMessageAndCreateNothing() {
        int admins = accounts.list().size();
        int apiClients = clients.list().size();
        String email = "x-" + UUID.randomUUID() + "@iusign.test";

        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings(null, STRONG, null, null)))
                .withMessageContaining("IUSIGN_BOOTSTRAP_ADMIN_PASSWORD is set but IUSIGN_BOOTSTRAP_ADMIN_EMAIL is not");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings(email, "short", null, null)))
                .withMessageContaining("IUSIGN_BOOTSTRAP_ADMIN_PASSWORD is not valid").withMessageContaining("at least 12");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings("no-at-sign", STRONG, null, null)))
                .withMessageContaining("IUSIGN_BOOTSTRAP_ADMIN_EMAIL is not valid");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings(email, STRONG, "ci-client", null)))
                .withMessageContaining("IUSIGN_BOOTSTRAP_API_CLIENT_SECRET is")
                .withMessageContaining("missing");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings(email, STRONG, null, "s".repeat(32))))
                .withMessageContaining("IUSIGN_BOOTSTRAP_API_CLIENT_ID is not");
        assertThatIllegalStateException().isThrownBy(() -> bootstrap.bootstrap(settings(email, STRONG, "ci-client", "too-short")))
                .withMessageContaining("IUSIGN_BOOTSTRAP_API_CLIENT_SECRET is not valid");

        assertThat(accounts.list()).hasSize(admins);
        assertThat(clients.list()).hasSize(apiClients);
    }

    private static BootstrapProperties settings(String email, String password, String clientId, String clientSecret) {
        return new BootstrapProperties(new BootstrapProperties.Admin(email, password),
                new BootstrapProperties.Api(new BootstrapProperties.Client(clientId, clientSecret)));
    }
}
