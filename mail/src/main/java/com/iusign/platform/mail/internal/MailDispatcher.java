package com.iusign.platform.mail.internal;

import com.iusign.platform.mail.MailStatus;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.UUID;

/**
 * Sends queued messages: right after the queuing transaction commits (the event registry re-runs
 * this listener after a crash), and from a sweep every {@code iusign.mail.sweep-interval} for
 * messages whose retry is due (and for new ones whose listener never ran, after a grace of one
 * claim, so the sweep does not race the listener). No database transaction is held while the SMTP server is talked to:
 * one short transaction claims the message, another records the outcome.
 */
@Component
public class MailDispatcher {

    private static final Log log = LogFactory.getLog(MailDispatcher.class);

    private final MailStore store;
    private final TransactionTemplate transactions;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailProperties properties;

    MailDispatcher(MailStore store, TransactionTemplate transactions, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
        this.store = store;
        this.transactions = transactions;
        this.sender = sender;
        this.properties = properties;
    }

    @Async
    @TransactionalEventListener
    void on(MailQueued event) {
        attempt(event.mailId());
    }

    /** Attempts every due message once; returns how many were attempted. */
    @Scheduled(fixedDelayString = "${iusign.mail.sweep-interval:PT15S}", initialDelayString = "${iusign.mail.sweep-interval:PT15S}")
    public int sendDue() {
        int attempted = 0;
        for (UUID id : transactions.execute(status -> store.due(100, properties.claim()))) {
            attempted += attempt(id) ? 1 : 0;
        }
        return attempted;
    }

    /** One attempt at the message, when it is due and free; false when another attempt holds it or it needs none. */
    boolean attempt(UUID id) {
        MailStore.Claimed mail = transactions.execute(status -> store.claim(id, properties.claim()).orElse(null));
        if (mail == null) {
            return false;
        }
        try {
            send(mail);
            transactions.executeWithoutResult(status -> store.sent(id));
        } catch (MailException | MessagingException | IllegalStateException e) {
            record(mail, e);
        }
        return true;
    }

    private void send(MailStore.Claimed mail) throws MessagingException {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            throw new IllegalStateException("No mail server is configured (spring.mail.host)");
        }
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        message.setHeader("X-IUSign-Message-Id", mail.id().toString());
        mailSender.send(message);
    }

    private void record(MailStore.Claimed mail, Exception failure) {
        String error = describe(failure);
        Instant now = store.now();
        MailStatus status;
        Instant next = null;
        if (refusedForGood(failure)) {
            status = MailStatus.REFUSED;
        } else if (now.isAfter(mail.queuedAt().plus(properties.retryWindow()))) {
            status = MailStatus.GAVE_UP;
        } else {
            status = MailStatus.FAILED;
            next = now.plus(properties.backoffAfter(mail.attempts()));
        }
        log.warn("Mail " + mail.id() + " to " + mail.recipient() + ": attempt " + mail.attempts() + " failed (" + error + "), "
                + (next == null ? status.name().toLowerCase() : "next attempt at " + next));
        Instant nextAttempt = next;
        transactions.executeWithoutResult(tx -> store.failed(mail.id(), status, error, nextAttempt));
    }

    /** A 5xx answer naming the recipient: sending the same message again cannot succeed. */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailSendException send) {
                for (Exception each : send.getFailedMessages().values()) {
                    if (refusedForGood(each)) {
                        return true;
                    }
                }
            }
            if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0 && permanent(sendFailed)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean permanent(SendFailedException failure) {
        String message = String.valueOf(failure.getMessage()) + " " + (failure.getNextException() == null ? "" : failure.getNextException().getMessage());
        return message.matches("(?s).*\\b5\\d\\d\\b.*");
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
