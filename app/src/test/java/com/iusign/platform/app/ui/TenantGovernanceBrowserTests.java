package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A SuperAdmin provisions, suspends and reactivates a tenant in the console, and is refused an outdated action. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantGovernanceBrowserTests {


    private final SuperAdminAccounts accounts;
    private final com.iusign.platform.security.AdminApiClients admins;
    private final TenantLifecycle lifecycle;
    private final com.iusign.platform.identity.TenantUsers users;
    private final com.iusign.platform.identity.TenantSignIn signIn;
    private final int port;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    TenantGovernanceBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, com.iusign.platform.identity.TenantUsers users,
                                 com.iusign.platform.identity.TenantSignIn signIn, com.iusign.platform.security.AdminApiClients admins,
                                 @LocalServerPort int port) {
        this.admins = admins;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.users = users;
        this.signIn = signIn;
        this.port = port;
    }

    @BeforeEach
    void signIn() {
        browser.signInAsNewSuperAdmin(accounts, "/");
        browser.visible(By.id("provision-tenant"));
    }


    @Test
    void provisionSuspendWithReasonSeeHistoryReactivateAndGetRefusedAnOutdatedAction() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Browser Bank " + suffix;
        browser.visible(By.id("provision-tenant")).click();
        type("provision-name", name);
        type("provision-owner", "owner@bank-" + suffix + ".test");
        browser.visible(By.id("provision-submit")).click();

        browser.waitFor(driver -> driver.getCurrentUrl().contains("/tenants/"));
        browser.waitForText("Provisioned " + name);
        assertThat(browser.visible(By.cssSelector("#one-time-link input")).getDomProperty("value"))
                .as("the owner's activation link, shown once").contains("/activate?token=");
        browser.visible(By.id("one-time-link-done")).click();
        assertThat(status()).isEqualTo("Active");
        TenantId id = new TenantId(UUID.fromString(browser.driver().getCurrentUrl().replaceAll(".*/tenants/", "")));
        assertThat(lifecycle.get(id).slug()).isEqualTo("browser-bank-" + suffix);

        browser.visible(By.id("primary-status-action")).click();
        browser.waitForText("will be refused on their next request");
        type("status-reason", "Credential stuffing from this tenant");
        type("status-ticket", "INC-2026-11");
        browser.screenshot("07-suspend-dialog");
        browser.visible(By.id("status-confirm")).click();
        browser.waitFor(driver -> "Suspended".equals(status()));
        assertThat(browser.visible(By.id("status-banner")).getText()).as("the page says why, by whom and the ticket")
                .contains("Credential stuffing from this tenant").contains("ticket INC-2026-11").contains(" by browser-");
        browser.visible(By.xpath("//vaadin-tab[normalize-space(.)='History']")).click();
        browser.waitForText("Credential stuffing from this tenant [INC-2026-11]");
        browser.screenshot("08-suspended-history");

        browser.visible(By.id("primary-status-action")).click();
        type("status-reason", "Owner rotated all passwords");
        browser.visible(By.id("status-confirm")).click();
        browser.waitFor(driver -> "Active".equals(status()));

        // Another SuperAdmin suspends the tenant while this page's Suspend dialog is open: the page behind it shows the change
        // (server push), and the dialog, which carries the version it was opened on, is refused.
        browser.visible(By.id("primary-status-action")).click();
        type("status-reason", "Too late");
        lifecycle.suspend(id, Change.of(Actor.superAdmin("other@iusign.test"), "Second opinion"), null);
        browser.waitForText("changed in another session: it is now suspended");
        browser.visible(By.id("status-confirm")).click();
        browser.waitForText("changed since you loaded it");
        browser.waitFor(driver -> "Suspended".equals(status()));
        browser.screenshot("09-refused-outdated");
        assertThat(lifecycle.history(id).statusChanges()).extracting(entry -> entry.to())
                .containsExactly(TenantStatus.SUSPENDED, TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.ACTIVE);
    }

    @Test
    void deactivationNeedsTheSlugTypedOutAndEndsTheActions() throws Exception {
        Tenant tenant = lifecycle.provision(new com.iusign.platform.lifecycle.ProvisionTenant("Closing Co " + UUID.randomUUID(),
                TestTenants.slug("closing"), "starter", "o@closing.test", null),
                Change.of(Actor.system("test"), "Fixture"));
        // The short id the grid shows opens the tenant once the manifest holds it.
        String shortId = "/tenants/" + tenant.id().value().toString().substring(0, 8);
        browser.open(shortId);
        browser.waitFor(driver -> {
            if (!driver.findElements(By.xpath("//h2[starts-with(normalize-space(.), 'No tenant with ID')]")).isEmpty()) {
                browser.open(shortId); // the manifest had not caught up with the provisioning yet
                return false;
            }
            return !driver.findElements(By.xpath("//h2[normalize-space(.)='" + tenant.name() + "']")).isEmpty();
        });
        browser.open("/tenants/" + tenant.id());
        browser.visible(By.id("tenant-more")).click();
        browser.visible(By.xpath("//vaadin-menu-bar-item[contains(normalize-space(.), 'Deactivate')]")).click();
        type("status-reason", "Contract terminated");

        assertThat(browser.visible(By.id("status-confirm")).getDomAttribute("disabled")).isNotNull();
        type("status-typed-slug", tenant.slug());
        browser.visible(By.id("status-confirm")).click();

        browser.waitFor(driver -> "Deactivated".equals(status()));
        assertThat(browser.driver().findElements(By.id("primary-status-action"))).isEmpty();
        assertThat(lifecycle.get(tenant.id()).status()).isEqualTo(TenantStatus.DEACTIVATED);
    }

    @Test
    void provisioningRefusalsAppearOnTheirFields() throws Exception {
        browser.visible(By.id("provision-tenant")).click();
        type("provision-name", "Bad Input Ltd");
        type("provision-slug", "-no-");
        type("provision-owner", "not-an-email");
        browser.visible(By.id("provision-submit")).click();

        browser.waitForText("is not a valid e-mail address");
        assertThat(browser.visible(By.id("provision-slug")).getDomAttribute("invalid")).isNotNull();
        assertThat(browser.visible(By.id("provision-owner")).getDomAttribute("invalid")).isNotNull();
        browser.screenshot("10-provision-refused");
    }

    @Test
    void flushingSessionsAndLockingAUserFromTheConsoleRefusesTheirTokens() throws Exception {
        String slug = TestTenants.slug("console");
        String owner = "owner@" + slug + ".test";
        var result = lifecycle.provisionReporting(new com.iusign.platform.lifecycle.ProvisionTenant("Console Sessions " + slug, slug,
                "business", owner, null), Change.of(Actor.system("test"), "Fixture"));
        users.activate((String) result.extras().get("ownerActivationToken"), "owner password 12345");
        String token = signIn.signIn(slug, owner, "owner password 12345").accessToken();
        assertThat(me(token)).isEqualTo(200);

        browser.open("/tenants/" + result.tenant().id());
        browser.waitForText("1 active");
        browser.visible(By.id("tenant-more")).click();
        browser.visible(By.xpath("//vaadin-menu-bar-item[contains(normalize-space(.), 'Flush all sessions')]")).click();
        assertThat(browser.visible(By.id("blast-sessions")).getText()).as("the owner's one session, counted before confirming").isEqualTo("1");
        assertThat(browser.driver().findElements(By.id("blast-links"))).as("a flush leaves signing links alone").isEmpty();
        type("action-reason", "Leaked laptop");
        browser.visible(By.id("action-confirm")).click();
        browser.waitForText("verified: a token issued 1 ms earlier is refused");
        assertThat(me(token)).isEqualTo(401);
        browser.screenshot("11-sessions-flushed");

        String second = signIn.signIn(slug, owner, "owner password 12345").accessToken();
        browser.visible(By.xpath("//vaadin-tab[normalize-space(.)='Users']")).click();
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='Lock']")).click();
        type("action-reason", "Account compromised");
        browser.visible(By.id("action-confirm")).click();
        browser.waitForText("User locked");
        assertThat(me(second)).isEqualTo(401);
        browser.screenshot("12-user-locked");
    }

    @Test
    void theSuspendDialogStatesItsBlastRadiusInNumbersThatMatchWhatItEnds() throws Exception {
        var api = new com.iusign.platform.app.AdminApiClient(admins, port);
        var owner = api.tenantOwner("business");
        String second = api.as(null, "POST", "/api/v1/auth/token", """
                {"tenant":"%s","email":"owner@%s.test","password":"owner password %s"}""".formatted(owner.slug(), owner.slug(), owner.slug()))
                .text("/access_token");
        String link = api.sentLink(owner, "Blast radius", "Ada", "ada@radius.test");
        api.sentLink(owner, "Second envelope", "Grace", "grace@radius.test");

        browser.open("/tenants/" + owner.tenantId());
        browser.visible(By.id("primary-status-action")).click();
        assertThat(browser.visible(By.id("blast-users")).getText()).isEqualTo("1");
        assertThat(browser.visible(By.id("blast-sessions")).getText()).as("two sign-ins of the owner").isEqualTo("2");
        assertThat(browser.visible(By.id("blast-envelopes")).getText()).isEqualTo("2");
        assertThat(browser.visible(By.id("blast-links")).getText()).isEqualTo("2");
        assertThat(browser.visible(By.id("blast-radius")).getText()).contains("will show \"temporarily unavailable\"").contains("Counted ");
        browser.screenshot("07b-suspend-blast-radius");
        type("status-reason", "Containing a credential leak");
        browser.visible(By.id("status-confirm")).click();
        browser.waitFor(driver -> "Suspended".equals(status()));

        assertThat(me(owner.accessToken())).isEqualTo(403);
        assertThat(me(second)).isEqualTo(403);
        assertThat(api.as(null, "GET", link, null).text("/type")).isEqualTo("urn:iusign:problem:tenant-suspended");
    }

    private int me(String token) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/me")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String status() {
        return browser.driver().findElements(By.id("tenant-status")).stream().findFirst().map(e -> e.getText().strip()).orElse("");
    }

    private void type(String fieldId, String text) {
        var input = browser.visible(By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
}
