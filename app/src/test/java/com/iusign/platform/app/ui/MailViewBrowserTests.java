package com.iusign.platform.app.ui;

import com.iusign.embedded.EmbeddedMailbox;
import com.iusign.platform.identity.SuperAdminInvitations;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.mail.MailStatus;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.SuperAdminAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Mail view lists what the platform sent with its delivery state and, with the embedded server, shows a message as its recipient reads it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MailViewBrowserTests {

    @RegisterExtension
    final BrowserSession browser = new BrowserSession();

    private final SuperAdminAccounts accounts;
    private final SuperAdminInvitations invitations;
    private final Outbox outbox;
    private final EmbeddedMailbox mailbox;

    MailViewBrowserTests(SuperAdminAccounts accounts, SuperAdminInvitations invitations, Outbox outbox, EmbeddedMailbox mailbox) {
        this.mailbox = mailbox;
        this.accounts = accounts;
        this.invitations = invitations;
        this.outbox = outbox;
    }

    @Test
    void aSentInvitationIsListedAndReadable() throws Exception {
        String invitee = "mailview-" + UUID.randomUUID() + "@iusign.test";
        invitations.invite(invitee, Change.of(Actor.superAdmin("inviter@iusign.test"), "A colleague for the night shift"));
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.recent(5, invitee).stream()
                .anyMatch(mail -> mail.status() == MailStatus.SENT) && !mailbox.to(invitee).isEmpty());

        browser.signInAsNewSuperAdmin(accounts, "/mail");
        browser.type("mail-recipient", invitee);
        browser.click(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + invitee + "']"));

        assertThat(browser.visible(By.id("mail-text")).getText()).contains("/activate?token=").contains("invited you");
        assertThat(browser.pageText()).contains("sent");
        browser.screenshot("39-mail-outbox");
    }
}
