package com.iusign.platform.security.internal;

import com.iusign.testfixtures.MovableClock;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The verified-token cache without Spring: what it may skip, and what it never does. */
class VerifiedTokensTests {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<String> verified = new ArrayList<>();
    /** Stands in for the ES256 check: a token is "valid" while it starts with "good" and is not expired. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("signature");
        }
        Instant expiresAt = Instant.parse("2026-12-02T10:05:00Z");
        if (!clock.instant().isBefore(expiresAt)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").claim("sub", "u").issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    @Test
    void aTokenIsVerifiedOnceAndServedFromTheCacheAfterwards() {
        tokens.decode("good-token");
        tokens.decode("good-token");
        tokens.decode("good-token");

        assertThat(verified).containsExactly("good-token");
        assertThat(tokens.hits()).isEqualTo(2);
        assertThat(tokens.verifications()).isEqualTo(1);
    }

    @Test
    void anAlteredTokenIsAnotherKeyAndGetsTheFullCheck() {
        tokens.decode("good-token");

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("bad-token"));
        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("bad-token"));
        assertThat(verified).containsExactly("good-token", "bad-token", "bad-token");
    }

    @Test
    void aCachedTokenIsNeverServedPastItsExpiry() {
        tokens.decode("good-token");
        clock.advance(Duration.ofMinutes(5));

        assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("good-token")).withMessage("expired");
        assertThat(verified).containsExactly("good-token", "good-token");
    }

    @Test
    void theCacheStaysWithinItsWeight() {
        String padding = "x".repeat(800);
        for (int i = 0; i < 20_000; i++) {
            tokens.decode("good-" + i + padding);
        }

        assertThat(tokens.weight()).isLessThanOrEqualTo(VerifiedTokens.MAX_BYTES);
    }
}
