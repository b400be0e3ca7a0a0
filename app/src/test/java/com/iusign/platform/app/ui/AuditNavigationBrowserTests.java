package com.iusign.platform.app.ui;

import com.iusign.platform.audit.AuditTrail;
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
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail navigated as a SuperAdmin reviewing an incident: by tenant (found by name), action and date; tenants named and linked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditNavigationBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final AuditTrail trail;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    AuditNavigationBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, AuditTrail trail) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.trail = trail;
    }

    @Test
    void filtersByTenantNameActionAndDateAndLinksTheTenant() throws Exception {
        String slug = TestTenants.slug("auditnav");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Audited " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        lifecycle.suspend(tenant.id(), new Change(Actor.superAdmin("oncall@iusign.test"), "Phishing wave INC-77", "INC-77", null), null);
        assertThat(trail.actions()).as("every action the trail holds, found by the index").contains("tenant.suspended", "tenant.provisioned");

        browser.signInAsNewSuperAdmin(accounts, "/audit");
        browser.type("audit-tenant", "Audited " + slug);
        browser.waitFor(driver -> !driver.findElements(By.xpath("//vaadin-combo-box-item[contains(., '" + slug + "')]")).isEmpty());
        browser.visible(By.xpath("//vaadin-combo-box-item[contains(., '" + slug + "')]")).click();
        browser.type("audit-action", "tenant.suspended");
        browser.visible(By.cssSelector("#audit-action input")).sendKeys(Keys.ENTER);
        browser.waitFor(driver -> {
            String text = browser.visible(By.tagName("vaadin-grid")).getText();
            return text.contains("Phishing wave INC-77 [INC-77]") && !text.contains("Fixture");
        });
        assertThat(browser.visible(By.cssSelector("a.audit-tenant")).getText()).as("the tenant by its name").isEqualTo(tenant.name());
        assertThat(browser.visible(By.cssSelector("a.audit-tenant")).getDomAttribute("href")).endsWith("tenants/" + tenant.id());
        browser.screenshot("70-audit-filtered");

        browser.type("audit-from", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        browser.visible(By.cssSelector("#audit-from input")).sendKeys(Keys.ENTER);
        browser.waitFor(driver -> !browser.visible(By.tagName("vaadin-grid")).getText().contains("Phishing wave"));
        assertThat(browser.visible(By.id("audit-export-filtered")).getText()).contains("Export");
    }
}
