package com.iusign.platform.app.ui;

import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.security.TenantKeyRing;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Keys tab shows the tenant's master key and rotates it with a reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantKeysBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantKeyRing ring;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    TenantKeysBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantKeyRing ring) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.ring = ring;
    }

    @Test
    void keysTabDescribesTheMasterKeyAndRotatesItWithAReason() throws Exception {
        var tenant = TestTenants.provision(lifecycle, "business", "keyui");
        UUID id = tenant.id().value();
        ring.seal(id, "contract".getBytes(StandardCharsets.UTF_8), "document".getBytes(StandardCharsets.UTF_8));
        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + id);
        browser.waitForText(tenant.name());
        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Keys']"));

        assertThat(browser.visible(By.id("key-state")).getText()).isEqualTo("Enabled");
        assertThat(browser.visible(By.id("key-id")).getText()).isEqualTo("local:" + id);
        browser.screenshot("40-tenant-keys");
        browser.click(By.id("keys-rotate"));
        browser.type("action-reason", "Rotation after a staff departure");
        browser.click(By.id("action-confirm"));

        browser.waitForText("The rotation is in the Audit tab");
        browser.waitFor(driver -> browser.visible(By.id("key-generations")).getText().equals("2"));
        assertThat(browser.visible(By.id("key-last-rotated")).getText()).isEqualTo("just now");
        browser.screenshot("41-tenant-keys-rotated");

        browser.click(By.xpath("//vaadin-tab[normalize-space(.)='Audit']"));
        String href = browser.visible(By.id("audit-export")).getAttribute("href");
        Object export = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                href);
        assertThat(export.toString()).as("the console's export is the signed JSON Lines file").contains("\"action\":\"key.rotated\"")
                .contains("Rotation after a staff departure").contains("{\"manifest\":\"");
        browser.waitForText("key.rotated");
        browser.screenshot("42-tenant-audit-export");
    }
}
