package com.iusign.platform.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.iusign.platform.mail.internal.MailDispatcher;
import com.iusign.platform.mail.internal.MailStore;
import com.iusign.testfixtures.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standard {@code spring.mail.*} settings pointing at an SMTP server on loopback that the test
 * starts late (the first test finds it down): a message queued while it is down fails visibly,
 * waits its back-off on the test's clock, and is delivered by the sweep once the server is back.
 */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security"})
@Import(MailServerOutageTests.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailServerOutageTests {

    private static final int PORT = freePort();
    private static final MovableClock CLOCK = MovableClock.startingNow();
    private static GreenMail server;

    private final Outbox outbox;
    private final MailDispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final MailStore store;

    MailServerOutageTests(Outbox outbox, MailDispatcher dispatcher, TransactionTemplate transactions, MailStore store) {
        this.store = store;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
        registry.add("spring.mail.username", () -> "platform");
        registry.add("spring.mail.password", () -> "smtp-secret");
        registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        registry.add("iusign.mail.sweep-interval", () -> "PT1H");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void aMessageQueuedWhileTheServerIsDownIsDeliveredWhenItIsBack() {
        String reference = "test:" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> outbox.enqueue(new OutgoingMail("owner@example.test", "Your new role",
                "You are now the owner. " + reference, null, UUID.randomUUID(), reference)));

        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.deliveries(reference).getFirst().status() == MailStatus.FAILED);
        MailDelivery failed = outbox.deliveries(reference).getFirst();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).containsIgnoringCase("connect");
        assertThat(failed.nextAttemptAt()).isEqualTo(CLOCK.instant().plus(Duration.ofSeconds(30)));

        startServer();
        dispatcher.sendDue();
        assertThat(outbox.deliveries(reference).getFirst().attempts()).as("the back-off has not passed on the test's clock").isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(31));
        dispatcher.sendDue();

        MailDelivery sent = outbox.deliveries(reference).getFirst();
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(Arrays.stream(server.getReceivedMessages())).anySatisfy(message ->
                assertThat(message.getSubject()).isEqualTo("Your new role"));
        CLOCK.advance(Duration.ofHours(1));
        dispatcher.sendDue();
        assertThat(outbox.deliveries(reference).getFirst().attempts()).as("a sent message is never sent again").isEqualTo(2);
    }

    @Test
    @Order(2)
    void aMessageWhoseListenerNeverRanIsSentByTheSweepAfterItsGrace() {
        startServer();
        String reference = "test:" + UUID.randomUUID();
        // Queued as by a sender that crashed right after its commit: the row exists, no listener will run for it.
        transactions.executeWithoutResult(status -> store.insert(new OutgoingMail("late@example.test", "Queued before a crash",
                "Body " + reference, null, null, reference)));

        dispatcher.sendDue();
        assertThat(outbox.deliveries(reference).getFirst().status()).as("a new message is its listener's for one claim")
                .isEqualTo(MailStatus.QUEUED);
        CLOCK.advance(Duration.ofMinutes(2).plusSeconds(1));
        dispatcher.sendDue();

        assertThat(outbox.deliveries(reference).getFirst().status()).isEqualTo(MailStatus.SENT);
    }

    private static synchronized void startServer() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser("platform", "smtp-secret"));
            server.start();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
