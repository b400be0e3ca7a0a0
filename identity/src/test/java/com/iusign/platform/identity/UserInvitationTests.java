package com.iusign.platform.identity;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.testfixtures.Mails;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A new user's activation link arrives by mail; a resent one replaces it; a locked account says why, by whom and since when. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains"})
class UserInvitationTests {

    private static final Actor ADMIN = Actor.superAdmin("support@iusign.test");

    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final EmbeddedMailbox mailbox;

    UserInvitationTests(TenantLifecycle lifecycle, TenantUsers users, EmbeddedMailbox mailbox) {
        this.lifecycle = lifecycle;
        this.users = users;
        this.mailbox = mailbox;
    }

    @Test
    void theActivationLinkIsMailedAndAResentOneReplacesIt() {
        Tenant tenant = TestTenants.provision(lifecycle, "business", "inv");
        String email = "new@" + tenant.slug() + ".test";
        NewUser added = users.add(tenant.id(), email, "New", "MEMBER", Change.of(ADMIN, "New colleague"));
        String first = tokenMailedTo(email, 1);
        assertThat(first).isEqualTo(added.activationToken());
        assertThat(tokenMailedTo(tenant.ownerEmail(), 1)).as("the owner created at provisioning gets one too").isNotBlank();

        users.resendActivation(tenant.id(), added.user().id(), Change.of(ADMIN, "The first mail was lost"));
        String second = tokenMailedTo(email, 2);

        assertThat(second).isNotEqualTo(first);
        assertThatExceptionOfType(InvalidInput.class).as("the earlier link stopped working")
                .isThrownBy(() -> users.activate(first, "a good passphrase 2026"));
        users.activate(second, "a good passphrase 2026");
        assertThatExceptionOfType(Conflict.class)
                .isThrownBy(() -> users.resendActivation(tenant.id(), added.user().id(), Change.of(ADMIN, "Again")))
                .withMessageContaining("set a password already");
    }

    @Test
    void aLockedAccountSaysWhyByWhomAndSinceWhen() {
        Tenant tenant = TestTenants.provision(lifecycle, "business", "why");
        TenantUser owner = users.list(tenant.id()).getFirst();

        users.lock(tenant.id(), owner.id(), new Change(ADMIN, "Phishing report INC-4", "INC-4", null));

        TenantUser locked = users.get(tenant.id(), owner.id());
        assertThat(locked.statusReason()).isEqualTo("Phishing report INC-4");
        assertThat(locked.statusChangedBy()).isEqualTo(ADMIN.toString());
        assertThat(locked.statusChangedAt()).isNotNull();
    }

    private String tokenMailedTo(String address, int count) {
        return Mails.token(mailbox, address, "/activate", count);
    }
}
