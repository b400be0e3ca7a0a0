package com.iusign.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ApplicationModuleTest(extraIncludes = "lifecycle")
class SuperAdminAccountsTests {

    private static final String PASSWORD = "correct horse battery";

    private final SuperAdminAccounts accounts;
    private final AuthenticationManager authentication;

    SuperAdminAccountsTests(SuperAdminAccounts accounts, AuthenticationConfiguration configuration) throws Exception {
        this.accounts = accounts;
        this.authentication = configuration.getAuthenticationManager();
    }

    @Test
    void superAdminSignsInWithTheRightPasswordAndGetsTheSuperAdminRole() {
        String email = createAdmin();

        Authentication signedIn = authentication.authenticate(new UsernamePasswordAuthenticationToken(email.toUpperCase(), PASSWORD));

        assertThat(signedIn.getAuthorities()).extracting(Object::toString).contains(PlatformAuthorities.ROLE_SUPERADMIN);
        assertThat(account(email).lastSignInAt()).isNotNull();
    }

    @Test
    void fiveWrongPasswordsFromOneAddressMakeItWaitEvenWithTheRightPasswordAndAnUnknownEmailReadsTheSame() {
        String email = createAdmin();
        String unknown = "nobody-" + UUID.randomUUID() + "@iusign.test";
        for (String account : new String[] {email, unknown}) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(account, "wrong password!"));
            }

            assertThatExceptionOfType(LockedException.class).as(account).isThrownBy(() -> signIn(account, PASSWORD));
        }
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        String email = createAdmin();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(email, "wrong password!"));
        }
        signIn(email, PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(email, "wrong password!"));
        }

        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void unknownEmailGetsTheSameAnswerAsAWrongPassword() {
        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> signIn("nobody-" + UUID.randomUUID() + "@iusign.test", PASSWORD));
    }

    @Test
    void refusesWeakPasswordsAndInvalidOrDuplicateEmails() {
        String email = createAdmin();
        int before = accounts.list().size();

        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create("new-" + email, "short"))
                .withMessageContaining("at least 12 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create("new-" + email, "é".repeat(40)))
                .withMessageContaining("72 bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create("not an e-mail", PASSWORD))
                .withMessageContaining("not a valid e-mail");
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create(email.toUpperCase(), PASSWORD))
                .withMessageContaining("already exists");
        assertThat(accounts.list()).hasSize(before);
    }

    @Test
    void changedPasswordReplacesTheOldOne() {
        String email = createAdmin();

        accounts.changePassword(email, PASSWORD, "a brand new passphrase");

        assertThat(signIn(email, "a brand new passphrase").isAuthenticated()).isTrue();
        assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> signIn(email, PASSWORD));
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndAStrongNewOne() {
        String email = createAdmin();

        assertThatIllegalArgumentException().isThrownBy(() -> accounts.changePassword(email, "not it at all", "a brand new passphrase"))
                .withMessage("The current password is not correct");
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.changePassword(email, PASSWORD, "short"))
                .withMessageContaining("at least 12");
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.changePassword(email, PASSWORD, PASSWORD))
                .withMessageContaining("differ");
        assertThat(signIn(email, PASSWORD).isAuthenticated()).isTrue();
    }

    private Authentication signIn(String email, String password) {
        return authentication.authenticate(new UsernamePasswordAuthenticationToken(email, password));
    }

    private String createAdmin() {
        return accounts.create("admin-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();
    }

    private SuperAdminAccount account(String email) {
        return accounts.list().stream().filter(account -> account.email().equals(email)).findFirst().orElseThrow();
    }
}
