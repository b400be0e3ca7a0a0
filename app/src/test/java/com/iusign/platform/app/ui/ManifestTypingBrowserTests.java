package com.iusign.platform.app.ui;

import com.iusign.platform.inventory.ManifestQuery;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Typing in the manifest's search as a SuperAdmin types: a burst of keystrokes costs a search per
 * pause (300 ms), not one per keystroke, and what the grid shows in the end is the last text's
 * answer — "…a" matches two tenants, the final "…ab" one — whatever the order the answers took.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManifestTypingBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    @MockitoSpyBean
    TenantManifest manifest;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    ManifestTypingBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
    }

    /** The texts the console searched the manifest for since the invocations were cleared, in order, each once. */
    private List<String> asked() {
        ArgumentCaptor<ManifestQuery> asked = ArgumentCaptor.forClass(ManifestQuery.class);
        Mockito.verify(manifest, Mockito.atLeast(0)).search(asked.capture());
        return asked.getAllValues().stream().map(query -> String.valueOf(query.q())).distinct().toList();
    }

    @Test
    void aBurstOfKeystrokesAsksForTheFinalTextOnlyAndShowsItsRows() {
        String marker = TestTenants.slug("typing").replace("-", "");
        lifecycle.provision(new ProvisionTenant("Typing " + marker + "a Bank", TestTenants.slug("typing"), "starter", "o@" + marker + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        lifecycle.provision(new ProvisionTenant("Typing " + marker + "ab Corp", TestTenants.slug("typing"), "starter", "p@" + marker + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        await().atMost(Duration.ofSeconds(10)).until(() -> manifest.search(new ManifestQuery(marker, Set.of(), Set.of(), Set.of(), null,
                null, com.iusign.platform.inventory.ManifestSort.NAME, 5, null)).items().size() == 2);
        browser.signInAsNewSuperAdmin(accounts, "/");
        browser.visible(By.id("tenants-grid"));
        Mockito.clearInvocations(manifest);

        String typed = "typing " + marker + "ab";
        browser.visible(By.cssSelector("#tenant-search input")).sendKeys(typed);
        browser.waitFor(driver -> asked().contains(typed));
        browser.waitFor(driver -> browser.visible(By.id("tenants-count")).getText().equals("1 tenant")
                && browser.visible(By.id("tenants-grid")).getText().contains("Typing " + marker + "ab Corp")
                && !browser.visible(By.id("tenants-grid")).getText().contains(marker + "a Bank"));

        assertThat(asked()).as("a search per pause, not per keystroke (%d keystrokes)", typed.length()).hasSizeLessThanOrEqualTo(3)
                .last().isEqualTo(typed);
    }
}
