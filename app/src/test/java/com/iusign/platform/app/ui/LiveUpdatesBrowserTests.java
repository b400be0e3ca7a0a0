package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two SuperAdmins in two browsers: what one changes appears in the other's open manifest and
 * tenant page without a reload (server push), and the page says that it changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveUpdatesBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    @RegisterExtension
    final BrowserSession watching = new BrowserSession();
    @RegisterExtension
    final BrowserSession acting = new BrowserSession();

    LiveUpdatesBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @Test
    void aSuspensionInOneSessionAppearsInTheOthersGridAndTenantPageWithoutReload() throws Exception {
        String slug = TestTenants.slug("live");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Live Push " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        watching.signInAsNewSuperAdmin(accounts, "/?q=" + slug);
        watching.waitFor(driver -> gridText().contains("Live Push " + slug) && gridText().contains("Active"));

        acting.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.id());
        acting.visible(By.id("primary-status-action")).click();
        acting.type("status-reason", "Pushed to the other session");
        acting.visible(By.id("status-confirm")).click();
        acting.waitFor(driver -> "Suspended".equals(acting.visible(By.id("tenant-status")).getText().strip()));

        String before = watching.driver().getCurrentUrl();
        watching.waitFor(driver -> gridText().contains("Suspended"));
        assertThat(watching.visible(By.id("tenants-live")).getText()).contains("1 tenant changed");
        assertThat(watching.driver().getCurrentUrl()).as("no reload, no navigation").isEqualTo(before);
        watching.screenshot("40-live-grid-updated");

        watching.open("/tenants/" + tenant.id());
        watching.waitFor(driver -> "Suspended".equals(watching.visible(By.id("tenant-status")).getText().strip()));
        acting.visible(By.id("primary-status-action")).click();
        acting.type("status-reason", "Reactivated in the other session");
        acting.visible(By.id("status-confirm")).click();

        watching.waitFor(driver -> "Active".equals(watching.visible(By.id("tenant-status")).getText().strip()));
        watching.waitForText("changed in another session: it is now active");
        watching.screenshot("41-live-tenant-page-updated");
    }

    private String gridText() {
        return watching.visible(By.id("tenants-grid")).getText();
    }
}
