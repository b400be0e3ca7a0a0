package com.iusign.platform.app.ui;

import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-command run's first impression, on its own throw-away embedded servers with the demo
 * fleet: the fleet has a past — tenants created over two years, 90-day charts with bars on many
 * days, tenants gone quiet for the "inactive" filter, both review lists filled — and the audit
 * trail says the history was generated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=", "spring.data.redis.url=", "spring.data.redis.host=", "iusign.database.admin-url=",
        "iusign.embedded.ephemeral=true", "iusign.demo-data.enabled=true"})
class FirstRunBrowserTests {

    private final SuperAdminAccounts accounts;
    private final JdbcClient jdbc;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    FirstRunBrowserTests(SuperAdminAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Test
    void theDemoFleetHasAPastTheConsoleShows() throws Exception {
        assertThat(jdbc.sql("SELECT count(*) FROM tenant WHERE created_at < now() - interval '365 days'").query(Long.class).single())
                .as("tenants created over two years, not all just now").isGreaterThan(50);
        assertThat(jdbc.sql("SELECT count(*) FROM tenant t JOIN tenant_manifest m ON m.tenant_id = t.id WHERE m.created_at <> t.created_at")
                .query(Long.class).single()).as("the manifest shows the dates the lifecycle holds").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'tenant.provisioned' AND reason LIKE 'Demo fleet (generated history%'")
                .query(Long.class).single()).as("the audit trail says the history was generated").isEqualTo(200);

        browser.signInAsNewSuperAdmin(accounts, "/?inactiveDays=30");
        browser.waitFor(driver -> !browser.visible(By.id("tenants-count")).getText().isBlank()
                && !browser.visible(By.id("tenants-count")).getText().startsWith("Counting"));
        assertThat(browser.driver().findElements(By.id("tenants-message"))).as("the inactive filter finds tenants")
                .noneMatch(WebElement::isDisplayed);
        browser.screenshot("60-first-run-inactive");

        String busy = jdbc.sql("""
                SELECT t.id FROM tenant t JOIN tenant_usage_daily d ON d.tenant_id = t.id AND d.envelopes_sent > 0
                 WHERE t.status = 'ACTIVE' GROUP BY t.id ORDER BY count(*) DESC LIMIT 1""").query(String.class).single();
        browser.open("/tenants/" + busy);
        browser.visible(By.id("usage-chart"));
        // The chart is one server-side SVG: its bars are counted in the page, where they are drawn.
        Long bars = browser.waitFor(driver -> {
            Object drawn = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return [...document.querySelectorAll('rect.usage-bar')].filter(bar => parseFloat(bar.getAttribute('height')) > 0).length;");
            return drawn instanceof Long count && count > 20 ? count : null;
        });
        assertThat(bars).as("bars on many of the 90 days, not today alone").isGreaterThan(20L);
        browser.screenshot("61-first-run-tenant-chart");

        browser.open("/reviews");
        browser.waitForText("Envelopes this month");
        browser.screenshot("62-first-run-reviews");
        assertThat(browser.visible(By.id("approaching-limits")).getText()).contains("Envelopes this month").contains("Seats");
        assertThat(browser.visible(By.id("compliance-review")).getText()).contains("No activity for 90 days")
                .contains("Trialing for over 30 days").contains("Flagged: Demo fleet (generated)");
    }
}
