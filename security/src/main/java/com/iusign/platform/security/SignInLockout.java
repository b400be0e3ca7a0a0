package com.iusign.platform.security;

import com.iusign.platform.security.internal.SignInProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Wrong passwords counted per account <em>and</em> client address, shared by every instance
 * through PostgreSQL. After {@code max-failures} failures from one address, that address — not
 * the account — waits: {@code first-lockout}, doubling with every further failure up to
 * {@code lockout}. Whoever knows an e-mail can therefore lock only their own address out, never
 * the account's owner signing in from elsewhere. Unknown accounts are counted the same way, so
 * the answers tell nobody which accounts exist. A waiting address is refused before any password
 * is checked (no bcrypt spent on it).
 */
@Service
public class SignInLockout {

    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final ApplicationEventPublisher events;

    SignInLockout(JdbcClient jdbc, SignInProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /** A lock in force for the account from this address. */
    public record Lock(Instant until, int failures) {

        public Duration remaining() {
            Duration left = Duration.between(Instant.now(), until);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /** The lock that keeps {@code source} from trying {@code account} now, if any. */
    public Optional<Lock> lockOf(String account, String source) {
        return jdbc.sql("""
                SELECT locked_until, failures FROM sign_in_failure
                 WHERE account = :account AND source = :source AND locked_until > now()""")
                .param("account", account).param("source", source)
                .query((row, n) -> new Lock(row.getTimestamp("locked_until").toInstant(), row.getInt("failures"))).optional();
    }

    /**
     * Counts a wrong password in one statement (concurrent failures on several instances lose no
     * count); a series older than {@code lockout} starts again.
     *
     * @param tenantId the tenant of a tenant user's account (for the audit trail), else null
     * @return the lock this failure started, when it started one ({@link SignInLockedOut} is published then)
     */
    public @Nullable Lock failed(String account, String source, @Nullable UUID tenantId) {
        String failures = "CASE WHEN f.last_failed_at < now() - make_interval(secs => :cap) THEN 1 ELSE f.failures + 1 END";
        Lock lock = jdbc.sql("""
                INSERT INTO sign_in_failure AS f (account, source, failures, last_failed_at, locked_until)
                VALUES (:account, :source, 1, now(), CASE WHEN :max <= 1 THEN now() + make_interval(secs => :first) END)
                ON CONFLICT (account, source) DO UPDATE
                   SET failures = %1$s,
                       last_failed_at = now(),
                       locked_until = CASE WHEN %1$s >= :max
                           THEN now() + make_interval(secs => least(:cap, :first * power(2, %1$s - :max)))
                           END
                RETURNING f.locked_until, f.failures""".formatted(failures))
                .param("account", account).param("source", source).param("max", properties.maxFailures())
                .param("first", properties.firstLockout().toSeconds()).param("cap", properties.lockout().toSeconds())
                .query((row, n) -> {
                    Timestamp until = row.getTimestamp("locked_until");
                    return until == null ? null : new Lock(until.toInstant(), row.getInt("failures"));
                })
                .optional().orElse(null);
        if (lock != null) {
            events.publishEvent(new SignInLockedOut(UUID.randomUUID(), account, source, tenantId, lock.failures(), lock.until(),
                    Instant.now()));
        }
        return lock;
    }

    /** The right password from this address: its series ends (other addresses keep theirs). */
    public void succeeded(String account, String source) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE account = :account AND source = :source")
                .param("account", account).param("source", source).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldSeries() {
        jdbc.sql("DELETE FROM sign_in_failure WHERE last_failed_at < now() - interval '1 day'").update();
    }
}
