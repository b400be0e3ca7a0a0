package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.compliance.TenantFlags;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A SuperAdmin selects a flagged tenant in the compliance review and suspends it with a reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceReviewBrowserTests {


    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantFlags flags;
    private final JdbcClient jdbc;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    ComplianceReviewBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantFlags flags, JdbcClient jdbc) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.flags = flags;
        this.jdbc = jdbc;
    }


    @Test
    void aFlaggedTenantIsSuspendedFromTheReviewListWithAReason() throws Exception {
        String slug = TestTenants.slug("rev");
        String name = "Review " + slug;
        TenantId tenant = lifecycle.provision(new ProvisionTenant(name, slug, "business", "owner@" + slug + ".test", null),
                Change.of(Actor.superAdmin("admin@iusign.test"), "Review browser test")).id();
        flags.flag(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Phishing links reported by a bank"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_manifest WHERE tenant_id = :t AND flag_reason IS NOT NULL")
                .param("t", tenant.value()).query(Integer.class).single() == 1);
        browser.signInAsNewSuperAdmin(accounts, "/reviews");
        browser.waitForText("Flagged: Phishing links reported by a bank");
        browser.screenshot("26-compliance-review");

        browser.waitFor(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                const grid = document.getElementById('compliance-review');
                const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')].find(c => c.textContent.trim() === arguments[0]);
                if (!cell) return false;
                const row = grid.shadowRoot.querySelector('slot[name="' + cell.getAttribute('slot') + '"]').closest('tr');
                const first = row.querySelector('td slot').getAttribute('name');
                grid.querySelector('[slot="' + first + '"] vaadin-checkbox').click();
                return true;""", name)));
        browser.waitFor(driver -> driver.findElement(By.id("review-suspend")).getDomAttribute("disabled") == null);
        browser.visible(By.id("review-suspend")).click();
        org.assertj.core.api.Assertions.assertThat(browser.visible(By.id("blast-links")).getText())
                .as("the bulk suspension states its blast radius too").matches("\\d+");
        browser.visible(By.cssSelector("#action-reason textarea")).sendKeys("Phishing confirmed by the security team");
        browser.visible(By.id("action-confirm")).click();
        browser.waitForText("Suspend: 1 tenant(s) done");

        assertThat(lifecycle.get(tenant).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(lifecycle.history(tenant).statusChanges()).anyMatch(entry -> entry.to() == TenantStatus.SUSPENDED
                && entry.reason().equals("Phishing confirmed by the security team"));
    }
}
