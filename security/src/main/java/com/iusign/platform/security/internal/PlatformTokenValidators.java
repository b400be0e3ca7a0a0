package com.iusign.platform.security.internal;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Duration;

/**
 * Expiry and issuer checks of the tokens the platform issues itself. Spring's default tolerates a
 * minute of clock skew, made for tokens from another party's clock; signer and verifier here are
 * instances of one platform (clocks kept by NTP), so an expired token is refused after
 * {@link #CLOCK_SKEW}.
 */
final class PlatformTokenValidators {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private PlatformTokenValidators() {
    }

    static OAuth2TokenValidator<Jwt> issuedBy(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(issuer));
    }
}
