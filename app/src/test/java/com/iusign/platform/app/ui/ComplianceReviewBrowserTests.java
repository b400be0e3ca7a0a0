package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.compliance.TenantFlags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A SuperAdmin selects a flagged tenant in the compliance review and suspends it with a reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceReviewBrowserTests {

    private static final String PASSWORD = "review browser password";

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantFlags flags;
    private final JdbcClient jdbc;
    private final int port;
    private BrowserSession browser;

    ComplianceReviewBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantFlags flags, JdbcClient jdbc,
                                 @LocalServerPort int port) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.flags = flags;
        this.jdbc = jdbc;
        this.port = port;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aFlaggedTenantIsSuspendedFromTheReviewListWithAReason() throws Exception {
        String slug = "rev-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Review " + slug;
        TenantId tenant = lifecycle.provision(new ProvisionTenant(name, slug, "business", "owner@" + slug + ".test", null),
                Change.of(Actor.superAdmin("admin@iusign.test"), "Review browser test")).id();
        flags.flag(tenant, Change.of(Actor.superAdmin("admin@iusign.test"), "Phishing links reported by a bank"));
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_manifest WHERE tenant_id = :t AND flag_reason IS NOT NULL")
                .param("t", tenant.value()).query(Integer.class).single() == 1);
        String email = accounts.create("review-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();
        browser = new BrowserSession(port);
        browser.open("/reviews");
        browser.signIn(email, PASSWORD);
        browser.waitForText("Flagged: Phishing links reported by a bank");

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
        browser.visible(By.cssSelector("#action-reason textarea")).sendKeys("Phishing confirmed by the security team");
        browser.visible(By.id("action-confirm")).click();
        browser.waitForText("Suspend: 1 tenant(s) done");

        assertThat(lifecycle.get(tenant).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(lifecycle.history(tenant).statusChanges()).anyMatch(entry -> entry.to() == TenantStatus.SUSPENDED
                && entry.reason().equals("Phishing confirmed by the security team"));
    }
}
