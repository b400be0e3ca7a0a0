package com.iusign.platform.identity;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A sign-in checks the password outside any transaction: under a spray, sign-ins waiting for a
 * bcrypt slot would otherwise each hold one of the pool's connections, which the other tenants'
 * requests need (the before arm of the spray benchmark ran out of them).
 */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
@Import(SignInPasswordCheckTests.Recording.class)
class SignInPasswordCheckTests {

    private static final String PASSWORD = "owner password 2026";

    /** Records, for each password check, whether a transaction (and so a connection) was open around it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {

        static final List<Boolean> IN_TRANSACTION = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        PasswordEncoder recordingEncoder() {
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return bcrypt.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    IN_TRANSACTION.add(TransactionSynchronizationManager.isActualTransactionActive());
                    return bcrypt.matches(raw, encoded);
                }
            };
        }
    }

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;

    SignInPasswordCheckTests(TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
    }

    @Test
    void rightAndWrongPasswordsAreCheckedOutsideAnyTransaction() {
        ProvisionTenant command = TestTenants.on("starter", "pwc");
        String slug = command.slug();
        ProvisioningResult tenant = lifecycle.provisionReporting(command, Change.of(Actor.system("test"), "Password check test"));
        users.activate((String) tenant.extras().get("ownerActivationToken"), PASSWORD);
        Recording.IN_TRANSACTION.clear();

        assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.signIn(slug, "owner@" + slug + ".test", "wrong password 1"));
        assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.signIn(slug, "nobody@" + slug + ".test", PASSWORD));
        assertThat(signIn.signIn(slug, "owner@" + slug + ".test", PASSWORD).accessToken()).isNotBlank();

        assertThat(Recording.IN_TRANSACTION).containsExactly(false, false, false);
    }
}
