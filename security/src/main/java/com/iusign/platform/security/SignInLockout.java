package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

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
public interface SignInLockout {

    /** A lock in force for the account from this address. */
    record Lock(Instant until, int failures) {

        public Duration remaining() {
            Duration left = Duration.between(Instant.now(), until);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    /** The lock that keeps {@code source} from trying {@code account} now, if any. */
    Optional<Lock> lockOf(String account, String source);

    /**
     * Counts a wrong password in one statement (concurrent failures on several instances lose no
     * count); a series older than {@code lockout} starts again.
     *
     * @param tenantId the tenant of a tenant user's account (for the audit trail), else null
     * @return the lock this failure started, when it started one ({@link SignInLockedOut} is published then)
     */
    @Nullable Lock failed(String account, String source, @Nullable UUID tenantId);

    /** The right password from this address: its series ends (other addresses keep theirs). */
    void succeeded(String account, String source);
}
