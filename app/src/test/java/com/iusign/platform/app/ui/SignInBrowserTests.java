package com.iusign.platform.app.ui;

import com.iusign.platform.audit.AuditQuery;
import com.iusign.platform.audit.AuditTrail;
import com.iusign.platform.inventory.TenantManifest;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A SuperAdmin signs in to the console in a real browser, sees the Tenants view, and signs out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

    private static final String PASSWORD = "browser test password 7";

    private final SuperAdminAccounts accounts;
    private final TenantManifest manifest;
    private final AuditTrail audit;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    SignInBrowserTests(SuperAdminAccounts accounts, TenantManifest manifest, AuditTrail audit) {
        this.audit = audit;
        this.accounts = accounts;
        this.manifest = manifest;
    }



    @Test
    void wrongPasswordIsRefusedThenTheRightOneOpensTheTenantsViewAndSignOutEndsTheSession() throws Exception {
        String email = accounts.create("browser-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();

        browser.open("/");
        signIn(email, "not the password at all");
        browser.waitForText("Sign-in failed");
        browser.screenshot("01-wrong-password");

        signIn(email, PASSWORD);
        browser.waitFor(driver -> !driver.getCurrentUrl().contains("/login"));
        browser.waitForText("Tenant Management");
        String console = browser.pageText();
        assertThat(console).contains("Tenants", "Reviews", "Audit", "Platform", email);
        if (manifest.isEmpty()) {
            assertThat(console).contains("No tenants yet");
        }
        browser.screenshot("02-tenants-view");
        assertThat(audit.find(new AuditQuery(null, "superadmin.signed-in", email, null, 5)).items()).as("the sign-in is audited")
                .singleElement().satisfies(entry -> assertThat(entry.after()).containsKey("source"));

        browser.visible(By.id("sign-out")).click();
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/login"));
        browser.open("/platform");
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/login"));
        browser.visible(By.cssSelector("vaadin-login-form input[name='username']"));
        browser.screenshot("03-signed-out");
    }

    @Test
    void anAddressThatFailedTooOftenWaitsAndReadsTheSameForAKnownAndAnUnknownEmail() throws Exception {
        String email = accounts.create("locked-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();
        String unknown = "nobody-" + UUID.randomUUID() + "@iusign.test";
        browser.open("/login");
        String answerForUnknown = null;
        for (String account : new String[] {unknown, email}) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                signIn(account, "wrong password " + attempt);
                browser.waitFor(driver -> driver.getCurrentUrl().contains("error"));
            }
            signIn(account, PASSWORD);
            browser.waitForText("Sign-in failed");
            assertThat(browser.driver().getCurrentUrl()).contains("/login");
            String answer = browser.visible(By.cssSelector("vaadin-login-form")).getText();
            if (answerForUnknown == null) {
                answerForUnknown = answer;
            } else {
                assertThat(answer).as("the same answer whether the account exists").isEqualTo(answerForUnknown);
            }
        }
        browser.screenshot("04-address-waits");
    }

    @Test
    void superAdminChangesTheirPasswordAndSignsInWithTheNewOne() throws Exception {
        String email = accounts.create("changer-" + UUID.randomUUID() + "@iusign.test", PASSWORD).email();
        browser.open("/login");
        signIn(email, PASSWORD);
        browser.visible(By.id("change-password")).click();

        browser.visible(By.cssSelector("#current-password input")).sendKeys("not my password");
        browser.visible(By.cssSelector("#new-password input")).sendKeys("my new long passphrase");
        browser.visible(By.cssSelector("#repeat-password input")).sendKeys("my new long passphrase");
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='Change password']")).click();
        browser.waitForText("The current password is not correct");

        var current = browser.visible(By.cssSelector("#current-password input"));
        current.sendKeys(Keys.chord(Keys.CONTROL, "a"), PASSWORD);
        browser.visible(By.xpath("//vaadin-button[normalize-space(.)='Change password']")).click();
        browser.waitForText("Your password was changed");
        browser.visible(By.id("sign-out")).click();
        browser.waitFor(driver -> driver.getCurrentUrl().contains("/login"));

        signIn(email, "my new long passphrase");
        browser.waitFor(driver -> !driver.getCurrentUrl().contains("/login"));
        browser.waitForText(email);
    }

    private void signIn(String email, String password) {
        browser.signIn(email, password);
    }
}
