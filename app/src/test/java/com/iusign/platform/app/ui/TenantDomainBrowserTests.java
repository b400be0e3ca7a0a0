package com.iusign.platform.app.ui;

import com.iusign.platform.app.TestDomainRecords;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

/** The Domain tab runs the checks in the background and shows each verdict with its fix. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantDomainBrowserTests {

    private static final String PASSWORD = "domain browser password";

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final int port;
    private BrowserSession browser;

    TenantDomainBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, @LocalServerPort int port) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.port = port;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void runChecksShowsEachVerdictWithItsFix() throws Exception {
        String slug = "dom-" + UUID.randomUUID().toString().substring(0, 8);
        String domain = "sign." + slug + ".test";
        TenantId tenant = lifecycle.provision(new ProvisionTenant("Domain " + slug, slug, "business", "owner@" + slug + ".test", domain),
                Change.of(Actor.superAdmin("admin@iusign.test"), "Domain browser test")).id();
        TestDomainRecords.DNS.putCnames(domain, "localhost").putAddresses(domain, "127.0.0.1");
        String email = accounts.create("domain-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();
        browser = new BrowserSession(port);
        browser.open("/tenants/" + tenant.value());
        browser.signIn(email, PASSWORD);
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
