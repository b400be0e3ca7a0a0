package com.iusign.platform.identity;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
class TenantSignInTests {

    private static final String PASSWORD = "owner password 2026";
    private static final Actor ADMIN = Actor.superAdmin("admin@iusign.test");

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    private String slug;
    private String ownerEmail;
    private String activationToken;

    TenantSignInTests(TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
    }

    @BeforeEach
    void provision() {
        slug = TestTenants.slug("id");
        ownerEmail = "owner@" + slug + ".test";
        ProvisioningResult result = lifecycle.provisionReporting(new ProvisionTenant("Identity " + slug, slug, "starter", ownerEmail, null),
                Change.of(ADMIN, "Identity test"));
        activationToken = (String) result.extras().get("ownerActivationToken");
    }

    @Test
    void provisioningCreatesAnOwnerWhoActivatesOnceAndSignsIn() {
        assertThat(activationToken).hasSizeGreaterThanOrEqualTo(40);
        users.activate(activationToken, PASSWORD);

        TokenPair tokens = signIn.signIn(slug, ownerEmail.toUpperCase(), PASSWORD);

        assertThat(tokens.accessToken()).contains(".");
        assertThat(tokens.expiresInSeconds()).isBetween(1L, 600L);
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> users.activate(activationToken, "another password 1"))
                .withMessageContaining("used already");
    }

    @Test
    void activationRefusesAWeakPasswordAndLeavesTheTokenUsable() {
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> users.activate(activationToken, "short"));
        assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> users.activate(activationToken, ownerEmail));
        users.activate(activationToken, PASSWORD);
        assertThat(signIn.signIn(slug, ownerEmail, PASSWORD)).isNotNull();
    }

    @Test
    void fiveWrongPasswordsLockTheUserForAWhileWithTheSameVagueAnswer() {
        users.activate(activationToken, PASSWORD);
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.signIn(slug, ownerEmail, "wrong password!!"))
                    .satisfies(refused -> assertThat(refused.reason()).isEqualTo(SignInRefused.Reason.CREDENTIALS));
        }
        assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.signIn(slug, ownerEmail, PASSWORD))
                .satisfies(refused -> assertThat(refused.reason()).isEqualTo(SignInRefused.Reason.CREDENTIALS));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() {
        users.activate(activationToken, PASSWORD);
        TokenPair first = signIn.signIn(slug, ownerEmail, PASSWORD);
        TokenPair second = signIn.refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.refresh(first.refreshToken()))
                .withMessageContaining("already used");
        assertThatExceptionOfType(SignInRefused.class).isThrownBy(() -> signIn.refresh(second.refreshToken()))
                .withMessageContaining("revoked");
    }

    @Test
    void addingAUserPublishesTenantUserAddedAndRefusesDuplicatesAndBadInput(Scenario scenario) {
        var tenant = lifecycle.findBySlug(slug).orElseThrow();
        scenario.stimulate(() -> users.add(tenant.id(), "Member@" + slug + ".test", "A Member", "MEMBER", Change.of(ADMIN, "Hire")))
                .andWaitForEventOfType(TenantUserAdded.class)
                .matching(event -> event.tenantId().equals(tenant.id().value()) && event.role() == UserRole.MEMBER)
                .toArriveAndVerify(event -> assertThat(event.email()).isEqualTo("member@" + slug + ".test"));

        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> users.add(tenant.id(), "member@" + slug + ".test", "Again", "MEMBER", Change.of(ADMIN, "Dup")));
        assertThatExceptionOfType(InvalidInput.class)
                .isThrownBy(() -> users.add(tenant.id(), "nope", "", "GOD", Change.of(ADMIN, "Bad")))
                .satisfies(e -> assertThat(e.fieldErrors()).containsOnlyKeys("email", "displayName", "role"));
        assertThat(users.list(tenant.id())).extracting(TenantUser::role).containsExactly(UserRole.OWNER, UserRole.MEMBER);
    }
}
