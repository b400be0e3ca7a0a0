package com.iusign.platform.security.internal;

import com.iusign.platform.security.PasswordChecksBusy;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bulkhead around password hashing: at most {@code permits} bcrypt computations run at once (by
 * default half the cores, at least one), so that sign-ins — honest or a spray from many addresses —
 * can never take every core from the other tenants' requests. A check that cannot start within
 * {@code wait} fails with {@link PasswordChecksBusy} (503, retry) instead of queueing without end.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitNanos;

    BoundedPasswordEncoder(PasswordEncoder delegate, int permits, Duration wait) {
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.waitNanos = wait.toNanos();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new PasswordChecksBusy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordChecksBusy();
        }
    }
}
