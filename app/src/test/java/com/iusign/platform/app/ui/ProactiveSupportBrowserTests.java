package com.iusign.platform.app.ui;

import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.identity.TenantUsers;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proactive support from "Approaching limits": a tenant at 4 of its 5 seats is listed; the
 * SuperAdmin records an outreach that mails the owner, then moves the tenant to a bigger plan —
 * both audited, and the list says when it was last contacted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProactiveSupportBrowserTests {

    private final SuperAdminAccounts accounts;
    private final TenantLifecycle lifecycle;
    private final TenantUsers users;
    private final AuditTrail trail;
    private final Outbox outbox;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    ProactiveSupportBrowserTests(SuperAdminAccounts accounts, TenantLifecycle lifecycle, TenantUsers users, AuditTrail trail, Outbox outbox) {
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.users = users;
        this.trail = trail;
        this.outbox = outbox;
    }

    @Test
    void anOutreachIsRecordedWithTheOwnersNoticeAndThePlanChangedFromTheRow() throws Exception {
        String slug = TestTenants.slug("support");
        Tenant tenant = lifecycle.provision(new ProvisionTenant("Growing " + slug, slug, "starter", "owner@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
        for (int i = 1; i <= 3; i++) {
            users.add(tenant.id(), "member" + i + "@" + slug + ".test", "Member " + i, "MEMBER", Change.of(Actor.system("test"), "Fixture"));
        }
        String row = tenant.id() + "-seats";
        browser.signInAsNewSuperAdmin(accounts, "/reviews");
        browser.waitFor(driver -> {
            if (driver.findElements(By.id("record-outreach-" + row)).isEmpty()) {
                browser.open("/reviews"); // the seats reach the list once telemetry and the manifest have them
                return false;
            }
            return true;
        });
        browser.visible(By.id("record-outreach-" + row)).click();
        browser.type("outreach-note", "Called the owner: 4 of 5 seats, offered the business plan");
        browser.visible(By.id("outreach-mail-owner")).click();
        browser.visible(By.id("outreach-save")).click();
        browser.waitFor(driver -> browser.visible(By.id("approaching-limits")).getText().contains(", owner mailed"));
        browser.screenshot("71-outreach-recorded");
        assertThat(outbox.deliveries("outreach:" + tenant.id())).as("the owner's notice is queued").singleElement()
                .satisfies(delivery -> assertThat(delivery.recipient()).isEqualTo("owner@" + slug + ".test"));
        assertThat(trail.find(new AuditQuery(tenant.id().value(), "tenant.contacted", null, null, 5)).items()).singleElement()
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("Called the owner: 4 of 5 seats, offered the business plan"));

        browser.visible(By.id("change-plan-" + row)).click();
        browser.visible(By.id("outreach-plan")).click();
        browser.visible(By.xpath("//vaadin-select-item[normalize-space(.)='business']")).click();
        browser.type("outreach-plan-reason", "Upgrade agreed on the call");
        browser.visible(By.id("outreach-plan-save")).click();
        browser.waitForText("is now on the business plan");
        assertThat(lifecycle.get(tenant.id()).plan()).isEqualTo("business");
        assertThat(trail.find(new AuditQuery(tenant.id().value(), "tenant.plan-changed", null, null, 5)).items()).hasSize(1);
    }
}
