package com.iusign.platform.app.ui;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.identity.NewUser;
import com.iusign.platform.identity.RecoveryCase;
import com.iusign.platform.identity.RecoveryCases;
import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.Mails;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recovery case in the console from evidence to the code read back (taken from the test's SMTP
 * server), then in one run the owner's veto through the mailed link, in the other a second
 * SuperAdmin's approval to end the cooling-off and the completion — after which the member's old
 * token is refused and the mailed reset link sets a new password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryBrowserTests {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    private final RecoveryCases cases;
    private final Approvals approvals;
    private final EmbeddedMailbox mailbox;
    private final int port;
    private Tenant tenant;
    private String member;
    private String memberToken;

    RecoveryBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn, RecoveryCases cases,
                         Approvals approvals, EmbeddedMailbox mailbox, @LocalServerPort int port) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
        this.cases = cases;
        this.approvals = approvals;
        this.mailbox = mailbox;
        this.port = port;
    }

    @BeforeEach
    void tenantWithASignedInMember() {
        tenant = TestTenants.provision(lifecycle, "business", "recui");
        member = "member@" + tenant.slug() + ".test";
        NewUser added = users.add(tenant.id(), member, "Member", "MEMBER", Change.of(Actor.system("test"), "Fixture"));
        users.activate(added.activationToken(), "member passphrase 2026");
        memberToken = signIn.signIn(tenant.slug(), member, "member passphrase 2026").accessToken();
    }

    @Test
    void theOwnersVetoThroughTheMailedLinkStopsTheRecovery() throws Exception {
        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.id());
        RecoveryCase verified = openChallengeAndVerify();

        browser.signOut();
        browser.open(link("owner@" + tenant.slug() + ".test", "/recovery/veto", 1));
        browser.screenshot("36-recovery-veto-page");
        browser.click(By.id("veto-submit"));
        browser.waitForText("The recovery is stopped");
        assertThat(cases.get(tenant.id(), verified.id()).status()).isEqualTo(RecoveryCase.Status.VETOED);
    }

    @Test
    void aSecondSuperAdminEndsTheCoolingOffTheCaseCompletesAndTheResetLinkSetsANewPassword() throws Exception {
        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.id());
        RecoveryCase verified = openChallengeAndVerify();
        browser.click(By.xpath("//vaadin-button[contains(normalize-space(.), 'Ask to end cooling-off')]"));
        browser.type("action-reason", "The member must sign the quarterly filing today");
        browser.click(By.id("action-confirm"));
        browser.waitForText("a second SuperAdmin approves it");
        Approval asked = approvals.pending().stream().filter(approval -> verified.id().equals(approval.subjectId())).findFirst().orElseThrow();

        browser.signOut();
        browser.signInAsNewSuperAdmin(accounts, "/reviews");
        browser.click(By.id("approval-approve-" + asked.id()));
        browser.type("action-reason", "Confirmed with the tenant's owner by phone");
        browser.click(By.id("action-confirm"));
        browser.waitForText("Approved and carried out");
        browser.open("/tenants/" + tenant.id());
        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Identity']"));
        browser.click(By.xpath("//vaadin-grid-cell-content[contains(normalize-space(.), '" + member + "')][ancestor::*[@id='recovery-cases']]"));
        browser.click(By.id("recovery-complete"));
        browser.waitForText("completed");
        browser.screenshot("37-recovery-completed");

        assertThat(me(memberToken)).as("the member's token from before the recovery is refused").isEqualTo(401);
        browser.open("/tenants/" + tenant.id());
        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Users']"));
        browser.visible(By.id("add-user"));
        browser.screenshot("38-users-tab-after-recovery");
        browser.signOut();
        browser.open(link(member, "/activate", 2)); // the first was the invitation
        browser.type("activation-password", "a recovered passphrase 2026");
        browser.type("activation-repeat", "a recovered passphrase 2026");
        browser.click(By.id("activation-submit"));
        browser.waitForText("Your password is set");
        assertThat(signIn.signIn(tenant.slug(), member, "a recovered passphrase 2026").accessToken()).isNotBlank();
    }

    private RecoveryCase openChallengeAndVerify() throws Exception {
        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Identity']"));
        browser.click(By.id("open-recovery"));
        var account = browser.visible(By.cssSelector("#recovery-user input"));
        account.sendKeys(member);
        // The combo box filters on the server: pick the member once its item is there (an Enter sent before the
        // filtered items arrived selected nothing, and the case could not be opened).
        By item = By.xpath("//vaadin-combo-box-item[contains(., '" + member + "')]");
        browser.waitFor(driver -> !driver.findElements(item).isEmpty());
        browser.visible(item).click();
        browser.waitFor(driver -> account.getAttribute("value").contains(member));
        browser.type("recovery-evidence", "Support ticket SUP-31: the member wrote from the address on file, password lost");
        browser.type("recovery-established", "Video call, compared with the ID document on file");
        browser.type("recovery-ticket", "SUP-31");
        browser.screenshot("34-recovery-open");
        browser.click(By.id("recovery-open"));
        browser.click(By.id("recovery-send-code"));
        browser.type("recovery-code", code());
        browser.click(By.id("recovery-verify"));
        browser.waitForText("verified");
        browser.screenshot("35-recovery-verified");
        RecoveryCase recovery = cases.list(tenant.id()).getFirst();
        assertThat(recovery.status()).isEqualTo(RecoveryCase.Status.VERIFIED);
        return recovery;
    }

    private String code() {
        return Mails.code(mailbox, member);
    }

    private String link(String address, String path, int count) {
        return Mails.link(mailbox, address, path, count);
    }

    private int me(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
