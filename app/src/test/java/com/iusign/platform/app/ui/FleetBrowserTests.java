package com.iusign.platform.app.ui;

import com.iusign.platform.identity.TenantSignIn;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Global Suspension tool in the console: tick a row, select every tenant matching the filter,
 * read the summed blast radius, type the count, and follow the job to an outcome per tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FleetBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final TenantSignIn signIn;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    FleetBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantUsers users, TenantSignIn signIn) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
    }

    @Test
    void aFleetSuspensionOfEveryTenantMatchingAFilterShowsItsBlastRadiusProgressAndOutcomes() throws Exception {
        String run = "Fleet UI " + UUID.randomUUID().toString().substring(0, 8);
        List<ProvisioningResult> tenants = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String slug = TestTenants.slug("fleetui");
            tenants.add(lifecycle.provisionReporting(new ProvisionTenant(String.format("%s %02d", run, i), slug, "starter",
                    "owner@" + slug + ".test", null), Change.of(Actor.system("test"), "Fixture")));
        }
        ProvisioningResult first = tenants.getFirst();
        users.activate((String) first.extras().get("ownerActivationToken"), "owner password 12345");
        signIn.signIn(first.tenant().slug(), first.tenant().ownerEmail(), "owner password 12345");

        browser.signInAsNewSuperAdmin(accounts, "/?q=" + run.replace(' ', '+'));
        browser.waitFor(driver -> browser.visible(By.id("tenants-count")).getText().equals("12 tenants"));
        assertThat(browser.driver().findElements(By.id("fleet-bar")).stream().noneMatch(WebElement::isDisplayed))
                .as("no fleet bar before anything is selected").isTrue();
        assertThat(downloadCsv()).as("the CSV export of the current filter").startsWith("id,name,slug")
                .contains(run + " 01").contains(run + " 12").hasLineCount(13);

        rowCheckboxes().getFirst().click();
        browser.waitFor(driver -> browser.visible(By.id("fleet-selected")).getText().equals("1 selected"));
        browser.visible(By.id("fleet-select-all")).click();
        browser.waitFor(driver -> browser.visible(By.id("fleet-selected")).getText().startsWith("Every tenant matching '" + run + "'"));

        browser.visible(By.id("fleet-suspend")).click();
        browser.waitForText("Suspend 12 tenants?");
        browser.waitFor(driver -> browser.visible(By.id("blast-tenants")).getText().equals("12")
                && browser.driver().findElements(By.xpath("//*[contains(text(), 'so far')]")).isEmpty());
        assertThat(browser.visible(By.id("blast-sessions")).getText()).as("the one owner who signed in").isEqualTo("1");
        assertThat(browser.visible(By.id("blast-users")).getText()).isEqualTo("1");
        browser.type("fleet-reason", "Containing INC-42 across the fleet");
        assertThat(browser.visible(By.id("fleet-confirm")).getDomAttribute("disabled")).as("the count is not typed yet").isNotNull();
        browser.type("fleet-typed-count", "12");
        browser.screenshot("42-fleet-suspend-dialog");
        browser.visible(By.id("fleet-confirm")).click();

        browser.waitFor(driver -> browser.visible(By.id("fleet-status")).getText().startsWith("Finished: 12 of 12 tenants — 12 done, 0 skipped"));
        assertThat(browser.visible(By.id("fleet-outcomes")).getText()).contains(run + " 01").contains("done").contains("now suspended");
        browser.screenshot("43-fleet-outcomes");
        for (ProvisioningResult tenant : tenants) {
            assertThat(lifecycle.get(tenant.tenant().id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        }
    }

    /** Fetches the export link as the browser would, with its session: the CSV the SuperAdmin downloads. */
    private String downloadCsv() throws Exception {
        String href = browser.visible(org.openqa.selenium.By.id("manifest-export")).getDomProperty("href");
        String cookie = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                .header("Cookie", cookie).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private List<WebElement> rowCheckboxes() {
        return browser.waitFor(driver -> {
            List<WebElement> boxes = driver.findElements(By.cssSelector("#tenants-grid vaadin-checkbox")).stream()
                    .filter(WebElement::isDisplayed).toList();
            return boxes.isEmpty() ? null : boxes;
        });
    }
}
