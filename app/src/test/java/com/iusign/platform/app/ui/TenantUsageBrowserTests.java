package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.platform.telemetry.TenantTelemetry;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** The tenant's Overview shows its usage with quota bars and chart, flags a stale snapshot, and Re-sync corrects it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantUsageBrowserTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Usage browser test");

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    private final TenantTelemetry telemetry;
    private final JdbcClient jdbc;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    TenantUsageBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, Envelopes envelopes, TenantTelemetry telemetry,
                            JdbcClient jdbc) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
        this.telemetry = telemetry;
        this.jdbc = jdbc;
    }


    @Test
    void theOverviewShowsUsageAndReSyncCorrectsADriftedCounter() throws Exception {
        String slug = TestTenants.slug("usage");
        TenantId tenant = lifecycle.provision(new ProvisionTenant("Usage " + slug, slug, "starter", "owner@" + slug + ".test", null), CHANGE).id();
        UUID user = UUID.randomUUID();
        var envelope = envelopes.create(tenant, user, new NewEnvelope("Usage", "u.pdf", SamplePdf.withText("usage"),
                List.of(new NewEnvelope.NewRecipient("Signer", "signer@example.test"))));
        envelopes.send(tenant, user, envelope.id());
        await().atMost(Duration.ofSeconds(2)).until(() -> telemetry.snapshot(tenant).envelopesThisMonth() == 1);
        jdbc.sql("UPDATE tenant_usage SET envelopes_this_month = 40, as_of = now() - interval '3 days' WHERE tenant_id = :t")
                .param("t", tenant.value()).update();
        browser.signInAsNewSuperAdmin(accounts, "/tenants/" + tenant.value());

        browser.visible(By.id("usage-stale"));
        browser.waitFor(driver -> driver.findElement(By.id("usage-envelopes-month")).getText().contains("40 / 100"));
        browser.visible(By.id("usage-chart"));
        browser.screenshot("22-tenant-usage-stale");

        browser.visible(By.id("usage-resync")).click();
        browser.waitForText("corrected envelopesThisMonth 40 → 1");
        browser.waitFor(driver -> driver.findElement(By.id("usage-envelopes-month")).getText().contains("1 / 100"));
        browser.waitFor(driver -> driver.findElements(By.id("usage-stale")).isEmpty());
        browser.screenshot("23-tenant-usage-resynced");
    }
}
