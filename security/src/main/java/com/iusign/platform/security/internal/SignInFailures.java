package com.iusign.platform.security.internal;

import com.iusign.platform.security.SignInLockedOut;
import com.iusign.platform.security.SignInLockout;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@link SignInLockout} of every instance, in PostgreSQL ({@code sign_in_failure}). */
@Service
class SignInFailures implements SignInLockout {

    private final JdbcClient jdbc;
    private final SignInProperties properties;
    private final ApplicationEventPublisher events;

    SignInFailures(JdbcClient jdbc, SignInProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public Optional<Lock> lockOf(String account, String source) {
        return jdbc.sql("""
                SELECT locked_until, failures FROM sign_in_failure
                 WHERE account = :account AND source = :source AND locked_until > now()""")
                .param("account", account).param("source", source)
                .query((row, n) -> new Lock(row.getTimestamp("locked_until").toInstant(), row.getInt("failures"))).optional();
    }

    @Override
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

    @Override
    public void succeeded(String account, String source) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE account = :account AND source = :source")
                .param("account", account).param("source", source).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldSeries() {
        jdbc.sql("DELETE FROM sign_in_failure WHERE last_failed_at < now() - interval '1 day'").update();
    }
}
