package com.iusign.platform.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The sign-in lockout of SuperAdmins and tenant users, per account and client address: after
 * {@code maxFailures} wrong passwords from one address it waits {@code firstLockout}, doubling with
 * each further failure up to {@code lockout}. At most {@code concurrentPasswordChecks} password
 * hashes are computed at once (0: half the cores, at least one), each waiting at most
 * {@code passwordCheckWait} for its turn.
 */
@ConfigurationProperties("iusign.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("30s") Duration firstLockout,
                               @DefaultValue("15m") Duration lockout, @DefaultValue("0") int concurrentPasswordChecks,
                               @DefaultValue("2s") Duration passwordCheckWait) {

    public SignInProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("iusign.sign-in.max-failures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero() || firstLockout.isNegative() || firstLockout.isZero()) {
            throw new IllegalArgumentException("iusign.sign-in.first-lockout and iusign.sign-in.lockout must be positive");
        }
        if (concurrentPasswordChecks < 0 || passwordCheckWait.isNegative()) {
            throw new IllegalArgumentException("iusign.sign-in.concurrent-password-checks and password-check-wait must not be negative");
        }
        if (firstLockout.compareTo(lockout) > 0) {
            throw new IllegalArgumentException("iusign.sign-in.first-lockout must not be longer than iusign.sign-in.lockout");
        }
    }

    /** The password checks that may run at once. */
    int passwordCheckPermits() {
        return concurrentPasswordChecks > 0 ? concurrentPasswordChecks : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
