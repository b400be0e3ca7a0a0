package com.iusign.platform.mail;

import com.iusign.platform.mail.internal.MailQueued;
import com.iusign.platform.mail.internal.MailStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Where modules hand over their e-mail. {@link #enqueue} joins the caller's transaction: the
 * message exists exactly when the change that sent it committed, and leaves after that commit
 * (then again with back-off while the server refuses or is away; a crash in between delays it,
 * never loses it). Delivery is at least once: a crash after the server accepted a message and
 * before it was marked sent sends it again.
 */
@Service
public class Outbox {

    private final MailStore store;
    private final ApplicationEventPublisher events;

    Outbox(MailStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** Queues the message in the caller's transaction, which must exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        UUID id = store.insert(mail);
        events.publishEvent(new MailQueued(id));
        return id;
    }

    /** The messages sent for {@code reference}, oldest first. */
    @Transactional(readOnly = true)
    public List<MailDelivery> deliveries(String reference) {
        return store.byReference(reference);
    }

    /** The latest messages of the platform, newest first. */
    @Transactional(readOnly = true)
    public List<MailDelivery> recent(int limit) {
        return recent(limit, null);
    }

    /** The latest messages to {@code recipient} (any, when null), newest first. */
    @Transactional(readOnly = true)
    public List<MailDelivery> recent(int limit, @Nullable String recipient) {
        String to = recipient == null || recipient.isBlank() ? null : recipient.strip().toLowerCase(java.util.Locale.ROOT);
        return store.recent(Math.max(1, Math.min(limit, 500)), to);
    }
}
