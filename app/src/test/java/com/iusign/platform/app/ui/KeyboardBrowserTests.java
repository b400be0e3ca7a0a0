package com.iusign.platform.app.ui;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console with the keyboard alone: the manifest's search has the focus on arrival and Tab
 * reaches the grid, where Enter on a row opens the tenant; on the tenant page the first Tab reaches
 * "Skip to content", which lands on the primary action; Esc on a dialog gives focus back to the
 * button that opened it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyboardBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    KeyboardBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @Test
    void skipLinkEnterOnARowAndEscBackToTheOpener() {
        String slug = TestTenants.slug("keys");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Keyboard " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        browser.signInAsNewSuperAdmin(accounts, "/?q=" + slug);
        browser.waitFor(driver -> browser.visible(By.id("tenants-grid")).getText().contains(tenant.name()));

        browser.waitFor(driver -> "tenant-search".equals(focusedHostId()));

        for (int i = 0; i < 25 && !focusInGrid(); i++) {
            press(Keys.TAB);
        }
        assertThat(focusInGrid()).as("the grid is reachable by Tab").isTrue();
        // The grid's Tab stops are its header, then its body: the next Tab lands on the first row.
        for (int i = 0; i < 3 && !bodyCellFocused(); i++) {
            press(Keys.TAB);
        }
        assertThat(bodyCellFocused()).as("a row of the grid has the focus").isTrue();
        press(Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("/tenants/" + tenant.id()));
        browser.visible(By.id("primary-status-action"));

        // A fresh load, as a bookmark opens it (not the row's in-page navigation, whose focus point lingers).
        browser.open("/audit");
        browser.open("/tenants/" + tenant.id());
        browser.visible(By.id("primary-status-action"));
        press(Keys.TAB);
        assertThat(focusedId()).isEqualTo("skip-to-content");
        press(Keys.ENTER);
        browser.waitFor(driver -> "primary-status-action".equals(focusedId()));

        press(Keys.ENTER);
        browser.waitFor(driver -> "status-reason".equals(focusedHostId()));
        press(Keys.ESCAPE);
        browser.waitFor(driver -> "primary-status-action".equals(focusedId()));
    }

    /** A key pressed on whatever has the focus, as a keyboard would. */
    private void press(CharSequence key) {
        new Actions(browser.driver()).keyDown(key).keyUp(key).perform();
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code);
    }

    private String focusedId() {
        return (String) script("let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }"
                + " const host = document.activeElement; return host ? host.id : null;");
    }

    /** The id of the field whose input has the focus (Vaadin fields keep their input in the light DOM, inside the host). */
    private String focusedHostId() {
        return (String) script("const e = document.activeElement; const host = e && e.closest('[id]:not(input):not(textarea)'); return host ? host.id : null;");
    }

    private boolean bodyCellFocused() {
        return Boolean.TRUE.equals(script("const g = document.querySelector('#tenants-grid');"
                + " const c = g && g.shadowRoot && g.shadowRoot.activeElement; return !!(c && c.getAttribute('part') && c.getAttribute('part').includes('body-cell'));"));
    }

    private boolean focusInGrid() {
        return Boolean.TRUE.equals(script("const e = document.activeElement; return !!(e && e.closest('#tenants-grid'));"));
    }
}
