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
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core over every view of the console, light and dark: no critical and no serious violation
 * (moderate ones such as {@code region} are reported by axe but not counted here). A failure lists
 * each view, rule and element.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

    private static final List<String> TABS = List.of("Overview", "Users", "Identity", "Domain", "Keys", "History", "Audit");

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    AccessibilityBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    @Test
    void everyViewHasNoCriticalOrSeriousViolationInLightAndDark() throws Exception {
        String slug = TestTenants.slug("a11y");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Accessible " + slug, slug, "business", "o@" + slug + ".test", "a11y-" + slug + ".test"),
                Change.of(Actor.system("test"), "Fixture"));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        browser.open("/login");
        browser.visible(By.tagName("vaadin-login-form"));
        check(violations, "login");
        browser.signInAsNewSuperAdmin(accounts, "/");
        for (String scheme : List.of("light", "dark")) {
            browser.colorScheme(scheme);
            visit(violations, scheme, "tenants", "/", By.id("tenants-grid"));
            visit(violations, scheme, "reviews", "/reviews", By.tagName("vaadin-grid"));
            visit(violations, scheme, "audit", "/audit", By.tagName("vaadin-grid"));
            visit(violations, scheme, "platform", "/platform", By.id("resync-all"));
            visit(violations, scheme, "mail", "/mail", By.tagName("main"));
            visit(violations, scheme, "tenant", "/tenants/" + tenant.id(), By.id("tenant-status"));
            for (String tab : TABS) {
                browser.visible(By.xpath("//vaadin-tab[normalize-space(.)='" + tab + "']")).click();
                browser.waitFor(driver -> driver.findElement(By.xpath("//vaadin-tab[normalize-space(.)='" + tab + "']"))
                        .getDomAttribute("selected") != null);
                check(violations, scheme + " tenant/" + tab);
                if (scheme.equals("light")) {
                    browser.screenshot("53-tenant-tab-" + tab.toLowerCase());
                }
            }
            browser.screenshot("50-accessibility-" + scheme);
        }
        assertThat(violations).as("critical or serious axe-core violations per view").isEmpty();
    }

    private void visit(Map<String, List<String>> violations, String scheme, String view, String path, By ready) throws java.io.IOException {
        browser.open(path);
        browser.visible(ready);
        check(violations, scheme + " " + view);
        browser.screenshot("5" + (scheme.equals("light") ? "1" : "2") + "-view-" + view + "-" + scheme);
    }

    private void check(Map<String, List<String>> violations, String view) {
        List<String> found = new ArrayList<>(browser.seriousAccessibilityViolations());
        if (!found.isEmpty()) {
            violations.put(view, found);
        }
    }
}
