package com.iusign.embedded;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages the embedded SMTP server received, oldest first. A bean in the context only when
 * that server runs (no {@code spring.mail.host} configured): the console's Mail outbox reads it,
 * and tests read the links and codes a person would read in their mailbox.
 */
public final class EmbeddedMailbox {

    /** One received message, decoded: its plain-text and HTML bodies (the latter null when it had none). */
    public record Received(String from, String to, String subject, String text, String html, Instant receivedAt, String messageId) {
    }

    private final GreenMail server;

    EmbeddedMailbox(GreenMail server) {
        this.server = server;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public List<Received> messages() {
        return Arrays.stream(server.getReceivedMessages()).map(EmbeddedMailbox::decode).toList();
    }

    /** The messages to {@code address}, oldest first. */
    public List<Received> to(String address) {
        return messages().stream().filter(message -> message.to().equalsIgnoreCase(address)).toList();
    }

    void stop() {
        server.stop();
    }

    private static Received decode(MimeMessage message) {
        try {
            List<String> text = new ArrayList<>();
            List<String> html = new ArrayList<>();
            collect(message.getContent(), message.getContentType(), text, html);
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(address -> ((InternetAddress) address).getAddress()).collect(Collectors.joining(", "));
            String from = message.getFrom() == null ? "" : message.getFrom()[0].toString();
            String id = message.getHeader("X-IUSign-Message-Id", null);
            return new Received(from, to, message.getSubject(), String.join("\n", text), html.isEmpty() ? null : String.join("\n", html),
                    received, id == null ? "" : id);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a message of the embedded SMTP server: " + e.getMessage(), e);
        }
    }

    private static void collect(Object content, String type, List<String> text, List<String> html)
            throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), text, html);
            }
        } else if (content instanceof String body) {
            (type != null && type.toLowerCase().startsWith("text/html") ? html : text).add(body);
        }
    }
}
