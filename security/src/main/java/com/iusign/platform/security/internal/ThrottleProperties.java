package com.iusign.platform.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client-address limits of the doors anyone can knock on without an account: sign-in
 * (tenant sign-in, refresh, activation, the admin token endpoint, the console's login form),
 * signing links, and requests whose bearer token is refused. Each is a token bucket per address:
 * {@code *PerSecond} refill, {@code *Burst} capacity.
 */
@ConfigurationProperties("iusign.throttle")
record ThrottleProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("1") int signInPerSecond, @DefaultValue("5") int signInBurst,
                                 @DefaultValue("10") int signingLinksPerSecond, @DefaultValue("60") int signingLinksBurst,
                                 @DefaultValue("2") int badTokensPerSecond, @DefaultValue("20") int badTokensBurst) {

    ThrottleProperties {
        for (int value : new int[] {signInPerSecond, signInBurst, signingLinksPerSecond, signingLinksBurst, badTokensPerSecond,
                badTokensBurst}) {
            if (value < 1) {
                throw new IllegalArgumentException("Every iusign.throttle.* rate and burst must be at least 1");
            }
        }
    }
}
