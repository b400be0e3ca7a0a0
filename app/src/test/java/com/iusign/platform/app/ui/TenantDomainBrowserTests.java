package com.iusign.platform.app.ui;

import com.iusign.platform.app.TestDomainRecords;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;


/** The Domain tab runs the checks in the background and shows each verdict with its fix. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantDomainBrowserTests {


    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    TenantDomainBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }


    @Test
    void runChecksShowsEachVerdictWithItsFix() throws Exception {
        String slug = TestTenants.slug("dom");
        String domain = "sign." + slug + ".test";
        TenantId tenant = lifecycle.provision(new ProvisionTenant("Domain " + slug, slug, "business", "owner@" + slug + ".test", domain),
                Change.of(Actor.superAdmin("admin@iusign.test"), "Domain browser test")).id();
        TestDomainRecords.DNS.putCnames(domain, "localhost").putAddresses(domain, "127.0.0.1");
        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.value());
        browser.waitForText("Domain " + slug);
        browser.driver().findElements(By.cssSelector("vaadin-tab")).stream().filter(tab -> tab.getText().strip().equals("Domain"))
                .findFirst().orElseThrow().click();
        browser.visible(By.id("domain-token"));
        browser.visible(By.id("domain-run-checks")).click();

        browser.waitForText("Checked ");
        browser.waitForText("is a CNAME of the platform target localhost");
        browser.waitForText("There is no TXT record _iusign-verification." + domain);
        browser.waitForText("No TLS connection to " + domain);
        browser.screenshot("24-domain-diagnostics");
    }
}
