package com.iusign.platform.security;

import com.iusign.platform.kernel.TenantId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Issues the access tokens of tenant users (ES256, signed with the platform's current key,
 * verifiable with {@code /oauth2/jwks}). Besides the standard claims each token carries
 * {@value #ISSUED_AT_MILLIS}, its issue time in milliseconds: {@code iat} has one-second resolution,
 * and a flush must refuse a token issued a few milliseconds before it while accepting one issued
 * a few milliseconds after, in the same second.
 */
@Service
public class TenantTokens {

    public static final String AUDIENCE = "iusign-tenant-api";
    public static final String TENANT_CLAIM = "tid";
    public static final String ISSUED_AT_MILLIS = "iat_ms";
    public static final Duration MAX_TTL = Duration.ofMinutes(10);

    private final JwtEncoder encoder;
    private final String issuer;
    private final Duration ttl;
    private final Clock clock;

    TenantTokens(JwtEncoder encoder, @Value("${iusign.tenant-api.issuer:urn:iusign:platform}") String issuer,
                 @Value("${iusign.tenant-api.token-ttl:5m}") Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("iusign.tenant-api.token-ttl must be between 1s and 10m, was " + ttl);
        }
        this.encoder = encoder;
        this.issuer = issuer;
        this.ttl = ttl;
        this.clock = Clock.systemUTC();
    }

    public String issuer() {
        return issuer;
    }

    public IssuedToken issue(TenantId tenant, UUID userId, String email, List<String> roles) {
        return issueAt(tenant, userId, email, roles, clock.instant());
    }

    /** For proofs and tests: a token as if issued at {@code issuedAt} (never later than now). */
    public IssuedToken issueAt(TenantId tenant, UUID userId, String email, List<String> roles, Instant issuedAt) {
        Instant at = issuedAt.truncatedTo(ChronoUnit.MILLIS);
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .audience(List.of(AUDIENCE))
                .subject(userId.toString())
                .issuedAt(at)
                .expiresAt(at.plus(ttl))
                .id(jti)
                .claim(TENANT_CLAIM, tenant.value().toString())
                .claim(ISSUED_AT_MILLIS, at.toEpochMilli())
                .claim("email", email)
                .claim("roles", roles)
                .build();
        // The encoder names the signing key (kid) itself, so rotation needs no change here.
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).type("JWT").build(), claims));
        return new IssuedToken(jwt.getTokenValue(), jti, at, at.plus(ttl));
    }
}
