package com.iusign.platform.mail.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code iusign.mail.*}: the sender, and how long a message is retried. The SMTP server itself is
 * Spring's {@code spring.mail.*}.
 *
 * @param from          the From header of every message
 * @param firstRetry    the wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff    the longest wait between two attempts
 * @param retryWindow   how long after queuing a message is still tried (its links expire within days anyway)
 * @param claim         how long one attempt holds its message; a sender that crashed mid-attempt frees it after this
 * @param sweepInterval how often due messages are looked for
 */
@ConfigurationProperties("iusign.mail")
public record MailProperties(String from, Duration firstRetry, Duration maxBackoff, Duration retryWindow, Duration claim,
                             Duration sweepInterval) {

    public MailProperties {
        from = from == null || from.isBlank() ? "IUSign <no-reply@iusign.localhost>" : from;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(15) : maxBackoff;
        retryWindow = retryWindow == null ? Duration.ofDays(3) : retryWindow;
        claim = claim == null ? Duration.ofMinutes(2) : claim;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
    }

    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
