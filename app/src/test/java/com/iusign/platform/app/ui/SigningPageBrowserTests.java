package com.iusign.platform.app.ui;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.signing.Envelopes;
import com.iusign.platform.signing.NewEnvelope;
import com.iusign.platform.signing.SamplePdf;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A signer's link follows the tenant: visible, then "temporarily unavailable" while suspended, then visible again and signable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SigningPageBrowserTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Signing page test");

    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    SigningPageBrowserTests(TenantLifecycle lifecycle, Envelopes envelopes) {
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
    }


    @Test
    void aLinkIsUnavailableWhileTheTenantIsSuspendedAndWorksAgainAfterReactivation() throws Exception {
        String slug = TestTenants.slug("page");
        TenantId tenant = lifecycle.provision(new ProvisionTenant("Page " + slug, slug, "business", "owner@" + slug + ".test", null), CHANGE).id();
        UUID user = UUID.randomUUID();
        var envelope = envelopes.create(tenant, user, new NewEnvelope("Rental agreement", "rental.pdf", SamplePdf.withText("Rental agreement"),
                List.of(new NewEnvelope.NewRecipient("Ada Lovelace", "ada@example.test"))));
        String token = envelopes.send(tenant, user, envelope.id()).getFirst().token();

        browser.open("/sign/" + token);
        browser.waitForText("Rental agreement");
        assertDocumentShown();
        browser.screenshot("20-signing-page");

        lifecycle.suspend(tenant, CHANGE, null);
        browser.open("/sign/" + token);
        browser.visible(By.id("signing-unavailable"));
        browser.waitForText("Temporarily unavailable");
        assertThat(browser.driver().findElements(By.id("signing-document"))).as("no document while suspended").isEmpty();
        browser.screenshot("21-signing-page-suspended");

        lifecycle.reactivate(tenant, CHANGE, null);
        browser.open("/sign/" + token);
        assertDocumentShown();
        var typedName = browser.visible(By.cssSelector("#typed-name input"));
        typedName.sendKeys("Someone Else", Keys.ENTER);
        browser.waitForText("Type your full name as the sender wrote it on the envelope: Ada Lovelace");
        browser.screenshot("25-signing-page-wrong-name");
        assertThat(envelopes.get(tenant, envelope.id()).recipients().getFirst().signedAt()).as("not signed").isNull();
        typedName.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Ada Lovelace", Keys.ENTER);
        browser.visible(By.id("signing-done"));
        browser.waitForText("Everyone has signed");
        assertThat(envelopes.get(tenant, envelope.id()).recipients().getFirst().signedAt()).isNotNull();
    }

    /** The page embeds the document, and the embedded address really serves the PDF to this browser. */
    private void assertDocumentShown() {
        String source = browser.visible(By.id("signing-document")).getDomProperty("src");
        Object served = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type') + ' '
                  + String.fromCharCode(...new Uint8Array(b.slice(0, 5)))))).catch(e => done('failed ' + e));""", source);
        assertThat(served).isEqualTo("200 application/pdf %PDF-");
    }
}
