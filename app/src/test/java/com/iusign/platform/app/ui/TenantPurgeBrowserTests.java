package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.retention.TenantPurges;
import com.iusign.platform.security.Approval;
import com.iusign.platform.security.Approvals;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Deactivate → "purge scheduled" → a legal hold blocks it → release → purge now, approved by a second SuperAdmin → tombstone and record. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantPurgeBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantPurges purges;
    private final Approvals approvals;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    TenantPurgeBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantPurges purges, Approvals approvals) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.purges = purges;
        this.approvals = approvals;
    }

    @Test
    void aLegalHoldBlocksThePurgeAndAnApprovedPurgeLeavesATombstoneWithItsRecord() throws Exception {
        var tenant = TestTenants.provision(lifecycle, "starter", "purgeui");
        lifecycle.deactivate(tenant.id(), Change.of(Actor.superAdmin("ops@iusign.test"), "Contract ended"), null);
        String admin = browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.id().value());
        browser.waitForText("Purge scheduled for");
        browser.screenshot("43-tenant-deactivated-retention");

        browser.click(By.id("retention-hold"));
        browser.type("action-reason", "Litigation hold for case 2026-17");
        browser.click(By.id("action-confirm"));
        browser.waitForText("Purge blocked by a legal hold: Litigation hold for case 2026-17");
        assertThat(browser.driver().findElements(By.id("retention-purge"))).as("no purge while held").isEmpty();
        browser.screenshot("44-tenant-legal-hold");

        browser.click(By.id("retention-release"));
        browser.type("action-reason", "Case settled");
        browser.click(By.id("action-confirm"));
        browser.waitForText("Purge scheduled for");
        browser.click(By.id("retention-purge"));
        browser.type("action-reason", "Customer asked for erasure");
        browser.click(By.id("action-confirm"));
        browser.waitForText("waiting for a second SuperAdmin");

        Approval pending = approvals.ofTenant(tenant.id()).stream().filter(approval -> approval.kind().equals("tenant-purge")).findFirst()
                .orElseThrow();
        String second = accounts.create("second-" + UUID.randomUUID() + "@iusign.test", "second superadmin passphrase " + UUID.randomUUID())
                .email();
        approvals.approve(pending.id(), Change.of(Actor.superAdmin(second), "Erasure request verified"));
        purges.runDue();

        browser.open("/tenants/" + tenant.id().value());
        browser.waitForText("rows deleted, its master key destroyed");
        assertThat(browser.visible(By.id("tenant-status")).getText()).isEqualTo("Purged");
        String href = browser.visible(By.id("destruction-record")).getAttribute("href");
        Object record = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                href);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(record.toString().split("\\.")[1]));
        assertThat(payload).contains(tenant.id().value().toString()).contains(second).contains(admin).contains("\"trigger\":\"APPROVED\"");
        browser.screenshot("45-tenant-purged");
    }
}
