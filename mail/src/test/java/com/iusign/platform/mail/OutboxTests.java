package com.iusign.platform.mail;

import com.iusign.embedded.EmbeddedMailbox;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Against the embedded SMTP server of the test context (GreenMail on a loopback port). */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security"})
class OutboxTests {

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final EmbeddedMailbox mailbox;

    OutboxTests(Outbox outbox, TransactionTemplate transactions, JdbcClient jdbc, EmbeddedMailbox mailbox) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.mailbox = mailbox;
    }

    @Test
    void aMessageLeavesAfterCommitWithBothBodiesAndIsNotKeptAtRestInClear() {
        String reference = "test:" + UUID.randomUUID();
        String code = "code-" + UUID.randomUUID();
        UUID id = transactions.execute(status -> {
            UUID queued = outbox.enqueue(new OutgoingMail("holder@example.test", "Your verification code", "Your code: " + code,
                    "<p>Your code: <b>" + code + "</b></p>", null, reference));
            byte[] sealed = jdbc.sql("SELECT sealed_text FROM mail_message WHERE id = :id").param("id", queued).query(byte[].class).single();
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).as("the body is sealed at rest").doesNotContain(code);
            return queued;
        });

        EmbeddedMailbox.Received received = await().atMost(Duration.ofSeconds(20)).until(() -> find(code), message -> message != null);

        assertThat(received.subject()).isEqualTo("Your verification code");
        assertThat(received.to()).isEqualTo("holder@example.test");
        assertThat(received.text()).contains("Your code: " + code).doesNotContain("<b>");
        assertThat(received.html()).contains("<b>" + code + "</b>");
        assertThat(received.messageId()).isEqualTo(id.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.deliveries(reference).getFirst().status() == MailStatus.SENT);
        MailDelivery delivery = outbox.deliveries(reference).getFirst();
        assertThat(delivery.id()).isEqualTo(id);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.sentAt()).isNotNull();
        assertThat(jdbc.sql("SELECT sealed_text IS NULL AND sealed_html IS NULL FROM mail_message WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).as("the bodies are erased once the server took the message").isTrue();
    }

    @Test
    void aChangeThatRolledBackSendsNothing() {
        String reference = "test:" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            outbox.enqueue(new OutgoingMail("holder@example.test", "Never sent", "Body " + reference, null, null, reference));
            status.setRollbackOnly();
        });
        String marker = "test:" + UUID.randomUUID();
        transactions.executeWithoutResult(status ->
                outbox.enqueue(new OutgoingMail("holder@example.test", "Sent after", "Body " + marker, null, null, marker)));

        await().atMost(Duration.ofSeconds(20)).until(() -> find(marker) != null);
        assertThat(outbox.deliveries(reference)).isEmpty();
        assertThat(find(reference)).isNull();
    }

    @Test
    void queuingNeedsTheSendersTransaction() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail("holder@example.test", "Subject", "Body", null, null, "test:x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aSubjectCannotCarryASecondHeaderLine() {
        assertThatThrownBy(() -> new OutgoingMail("holder@example.test", "Hello\r\nBcc: attacker@example.test", "Body", null, null, "x"))
                .hasMessageContaining("one line");
    }

    private EmbeddedMailbox.Received find(String marker) {
        return mailbox.messages().stream().filter(message -> message.text().contains(marker)).findFirst().orElse(null);
    }
}
