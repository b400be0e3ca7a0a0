package com.iusign.platform.app.ui;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.identity.OwnerAssignment;
import com.iusign.platform.identity.OwnerAssignments;
import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUser;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.identity.UserRole;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.Mails;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One SuperAdmin asks for a new owner in the tenant's Identity tab, a second approves it in
 * Reviews, the new owner sets a password through the mailed link and signs in, the previous owner
 * is an admin. And a disabled SuperAdmin's open console session ends on its next request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnerAssignmentBrowserTests {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final OwnerAssignments assignments;
    private final TenantSignIn signIn;
    private final EmbeddedMailbox mailbox;

    OwnerAssignmentBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantUsers users, OwnerAssignments assignments,
                                TenantSignIn signIn, EmbeddedMailbox mailbox) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.users = users;
        this.assignments = assignments;
        this.signIn = signIn;
        this.mailbox = mailbox;
    }

    @Test
    void oneRequestsASecondApprovesTheNewOwnerActivatesAndSignsIn() throws Exception {
        Tenant tenant = TestTenants.provision(lifecycle, "business", "handover");
        String previousOwner = tenant.ownerEmail();
        String newOwner = "successor@" + tenant.slug() + ".test";

        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.id());
        browser.visible(By.xpath("//vaadin-tab[normalize-space(.)='Identity']")).click();
        browser.visible(By.id("assign-owner")).click();
        browser.visible(By.xpath("//vaadin-radio-button[contains(normalize-space(.), 'A new e-mail')]")).click();
        browser.type("owner-email", newOwner);
        browser.type("owner-reason", "The founder sold the company; the buyer's CFO takes over");
        browser.screenshot("30-owner-assignment-request");
        browser.visible(By.id("owner-request")).click();
        browser.waitForText("waiting for a second SuperAdmin");
        browser.screenshot("31-owner-assignment-pending");
        OwnerAssignment pending = assignments.list(tenant.id()).getFirst();
        assertThat(users.list(tenant.id())).extracting(TenantUser::email).doesNotContain(newOwner);

        browser.signOut();
        browser.signInAsNewSuperAdmin(accounts, "/reviews");
        browser.visible(By.id("approval-approve-" + pending.approvalId())).click();
        browser.type("action-reason", "Checked the share purchase agreement");
        browser.screenshot("32-owner-assignment-approve");
        browser.visible(By.id("action-confirm")).click();
        browser.waitForText("Approved and carried out");

        String link = Mails.link(mailbox, newOwner, "/activate", 1);
        browser.signOut();
        browser.open(link);
        browser.type("activation-password", "successor passphrase 2026");
        browser.type("activation-repeat", "successor passphrase 2026");
        browser.visible(By.id("activation-submit")).click();
        browser.waitForText("Your password is set");
        browser.screenshot("33-owner-activated");

        assertThat(signIn.signIn(tenant.slug(), newOwner, "successor passphrase 2026").accessToken()).isNotBlank();
        assertThat(users.list(tenant.id())).filteredOn(user -> user.email().equals(previousOwner)).extracting(TenantUser::role)
                .containsExactly(UserRole.ADMIN);
        assertThat(users.list(tenant.id())).filteredOn(user -> user.role() == UserRole.OWNER).extracting(TenantUser::email)
                .containsExactly(newOwner);
        assertThat(mailbox.to(previousOwner)).anySatisfy(mail -> assertThat(mail.subject()).contains("the owner of " + tenant.name() + " changed"));
    }

    @Test
    void aDisabledSuperAdminsOpenSessionEndsOnItsNextRequest() {
        String email = browser.signInAsNewSuperAdmin(accounts, "/platform");
        browser.visible(By.id("superadmins-grid"));
        String other = accounts.create("keeper-" + UUID.randomUUID() + "@iusign.test", "keeper passphrase 2026").email();

        accounts.disable(accounts.find(email).orElseThrow().id(), Change.of(Actor.superAdmin(other), "Left the team"));
        browser.open("/platform");

        browser.visible(By.cssSelector("vaadin-login-form"));
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }
}
