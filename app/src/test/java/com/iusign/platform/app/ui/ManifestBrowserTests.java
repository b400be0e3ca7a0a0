package com.iusign.platform.app.ui;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A SuperAdmin finds tenants in the manifest by name fragment and id prefix, filters by status, and opens one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManifestBrowserTests {


    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantManifest manifest;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();
    private String marker;
    private Tenant active;
    private Tenant suspended;

    ManifestBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantManifest manifest) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.manifest = manifest;
    }

    @BeforeEach
    void tenantsAndASignedInSuperAdmin() {
        marker = "mb" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Change change = Change.of(Actor.system("test"), "Manifest browser test");
        active = lifecycle.provision(new ProvisionTenant("Örebro Bank " + marker, "orebro-" + marker, "business",
                "o@orebro-" + marker + ".test", null), change);
        suspended = lifecycle.provision(new ProvisionTenant("Örebro Insurance " + marker, "orebro-ins-" + marker, "starter",
                "o@orebro-ins-" + marker + ".test", null), change);
        lifecycle.suspend(suspended.id(), change, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> manifest.search(new ManifestQuery(marker, java.util.Set.of("SUSPENDED"),
                java.util.Set.of(), java.util.Set.of(), null, null, com.iusign.platform.inventory.ManifestSort.NAME, 10, null)).items().size() == 1);
        browser.signInAsNewSuperAdmin(accounts, "/");
        browser.visible(By.id("tenant-search"));
    }


    @Test
    void searchByNameFragmentAndIdPrefixFilterByStatusAndOpenATenant() throws Exception {
        search("orebro bank " + marker.toUpperCase());
        browser.waitFor(driver -> driver.getCurrentUrl().contains("q=orebro"));
        browser.waitFor(driver -> !browser.pageText().contains("Örebro Insurance " + marker));
        browser.waitForText("Örebro Bank " + marker);
        search(marker);
        browser.waitForText("Örebro Insurance " + marker);
        browser.waitFor(driver -> "2 tenants".equals(driver.findElement(By.id("tenants-count")).getText()));

        browser.open("/?q=" + marker + "&status=SUSPENDED");
        browser.waitForText("Örebro Insurance " + marker);
        browser.waitFor(driver -> !browser.pageText().contains("Örebro Bank " + marker));
        browser.screenshot("13-manifest-filtered");

        browser.open("/");
        search(active.id().value().toString().substring(0, 18));
        browser.waitFor(driver -> driver.getCurrentUrl().contains("q="));
        browser.waitFor(driver -> !browser.pageText().contains("Örebro Insurance " + marker));
        browser.waitForText("Örebro Bank " + marker);
        browser.visible(By.cssSelector("#tenant-search input")).sendKeys(Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/tenants/" + active.id()));
        browser.waitForText("SLUG");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        browser.open("/?q=" + marker + "&sort=created&createdFrom=" + today);
        browser.waitForText("Örebro Insurance " + marker);
        browser.waitFor(driver -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#manifest-sort vaadin-select-value-button')?.textContent")).contains("Newest first"));
        String page = browser.pageText();
        assertThat(page.indexOf("Örebro Insurance " + marker)).as("newest first").isLessThan(page.indexOf("Örebro Bank " + marker));
        browser.open("/?q=" + marker + "&createdTo=" + java.time.LocalDate.parse(today).minusDays(1));
        browser.waitForText("No tenant matches '" + marker + "' created to");

        browser.open("/?q=" + marker + "-nothing");
        browser.waitForText("No tenant matches");
        browser.visible(By.id("clear-filters"));
    }

    private void search(String text) {
        var input = browser.visible(By.cssSelector("#tenant-search input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
}
