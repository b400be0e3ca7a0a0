package com.iusign.platform.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The SuperAdmin sign-in throttle: after {@code maxFailures} consecutive wrong passwords the
 * account is locked for {@code lockout}, whatever password is tried meanwhile.
 */
@ConfigurationProperties("iusign.sign-in")
record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {

    SignInProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("iusign.sign-in.max-failures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("iusign.sign-in.lockout must be positive");
        }
    }
}
