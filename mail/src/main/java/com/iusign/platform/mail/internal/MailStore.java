package com.iusign.platform.mail.internal;

import com.iusign.platform.mail.MailDelivery;
import com.iusign.platform.mail.MailStatus;
import com.iusign.platform.mail.OutgoingMail;
import com.iusign.platform.security.PlatformSecrets;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code mail_message}; seals bodies on the way in and opens them for the one attempt that sends them. */
@Repository
public class MailStore {

    static final String SEALING_PURPOSE = "mail-outbox-aes";
    private static final String COLUMNS = """
            id, tenant_id, reference, recipient, subject, status, attempts, last_error, queued_at, next_attempt_at, sent_at""";

    /** A claimed message, opened. */
    record Claimed(UUID id, String recipient, String subject, String text, @Nullable String html, int attempts, Instant queuedAt) {
    }

    private final JdbcClient jdbc;
    private final PlatformSecrets secrets;
    private final Clock clock;

    MailStore(JdbcClient jdbc, PlatformSecrets secrets, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public UUID insert(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_message (id, tenant_id, reference, recipient, subject, sealed_text, sealed_html, status, queued_at,
                                          next_attempt_at)
                VALUES (:id, :tenant, :reference, :recipient, :subject, :text, :html, 'QUEUED', :now, :now)""")
                .param("id", id).param("tenant", mail.tenantId()).param("reference", mail.reference())
                .param("recipient", mail.to()).param("subject", mail.subject())
                .param("text", seal(id, "text", mail.text()))
                .param("html", mail.html() == null ? null : seal(id, "html", mail.html()))
                .param("now", now).update();
        return id;
    }

    /**
     * Takes the message for one attempt when it is due and nobody else holds it: the claim lasts
     * {@code hold}, so a crashed sender's message becomes due again after it, and two instances
     * (the listener and the retry sweep) never send it at the same time.
     */
    Optional<Claimed> claim(UUID id, Duration hold) {
        Instant now = clock.instant();
        return jdbc.sql("""
                UPDATE mail_message SET claimed_until = :until, attempts = attempts + 1
                 WHERE id = :id AND status IN ('QUEUED', 'FAILED') AND next_attempt_at <= :now
                   AND (claimed_until IS NULL OR claimed_until <= :now)
                RETURNING id, recipient, subject, sealed_text, sealed_html, attempts, queued_at""")
                .param("id", id).param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(hold)))
                .query((row, n) -> new Claimed(id, row.getString("recipient"), row.getString("subject"),
                        open(id, "text", row.getBytes("sealed_text")), openNullable(id, row.getBytes("sealed_html")),
                        row.getInt("attempts"), row.getTimestamp("queued_at").toInstant()))
                .optional();
    }

    /**
     * Due messages, oldest first, for the retry sweep: failed ones whose back-off has passed, and
     * queued ones nobody has attempted for {@code grace} — a new message is its after-commit
     * listener's to send (the sweep picks it up only when that listener never ran: a crash).
     */
    List<UUID> due(int limit, Duration grace) {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT id FROM mail_message
                 WHERE ((status = 'FAILED' AND next_attempt_at <= :now) OR (status = 'QUEUED' AND next_attempt_at <= :settled))
                   AND (claimed_until IS NULL OR claimed_until <= :now)
                 ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("settled", Timestamp.from(now.minus(grace))).param("limit", limit)
                .query(UUID.class).list();
    }

    /** The server took it: the sealed bodies go, the record of the delivery stays. */
    void sent(UUID id) {
        jdbc.sql("""
                UPDATE mail_message SET status = 'SENT', sent_at = :now, sealed_text = NULL, sealed_html = NULL, claimed_until = NULL,
                                        last_error = NULL
                 WHERE id = :id""")
                .param("id", id).param("now", Timestamp.from(clock.instant())).update();
    }

    void failed(UUID id, MailStatus status, String error, @Nullable Instant nextAttempt) {
        boolean over = status != MailStatus.FAILED;
        jdbc.sql("UPDATE mail_message SET status = :status, last_error = :error, claimed_until = NULL, next_attempt_at = :next"
                        + (over ? ", sealed_text = NULL, sealed_html = NULL" : "") + " WHERE id = :id")
                .param("id", id).param("status", status.name()).param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", Timestamp.from(nextAttempt == null ? clock.instant() : nextAttempt)).update();
    }

    public List<MailDelivery> byReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_message WHERE reference = :reference ORDER BY queued_at")
                .param("reference", reference).query(MailStore::delivery).list();
    }

    public List<MailDelivery> recent(int limit, @Nullable String recipient) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_message" + (recipient == null ? "" : " WHERE recipient = :recipient")
                        + " ORDER BY queued_at DESC LIMIT :limit")
                .params(recipient == null ? java.util.Map.of("limit", limit) : java.util.Map.of("limit", limit, "recipient", recipient))
                .query(MailStore::delivery).list();
    }

    Instant now() {
        return clock.instant();
    }

    private byte[] seal(UUID id, String part, String body) {
        return secrets.seal(SEALING_PURPOSE, body.getBytes(StandardCharsets.UTF_8), context(id, part));
    }

    private String open(UUID id, String part, byte[] sealed) {
        return new String(secrets.open(SEALING_PURPOSE, sealed, context(id, part)), StandardCharsets.UTF_8);
    }

    private @Nullable String openNullable(UUID id, byte @Nullable [] sealed) {
        return sealed == null ? null : open(id, "html", sealed);
    }

    /** The message id and the part: a body copied to another message, or text swapped with html, does not open. */
    private static byte[] context(UUID id, String part) {
        byte[] name = part.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(16 + name.length).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .put(name).array();
    }

    private static MailDelivery delivery(ResultSet row, int n) throws SQLException {
        MailStatus status = MailStatus.valueOf(row.getString("status"));
        return new MailDelivery(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getString("reference"),
                row.getString("recipient"), row.getString("subject"), status, row.getInt("attempts"), row.getString("last_error"),
                row.getTimestamp("queued_at").toInstant(),
                status.isFinal() ? null : row.getTimestamp("next_attempt_at").toInstant(),
                row.getTimestamp("sent_at") == null ? null : row.getTimestamp("sent_at").toInstant());
    }
}
