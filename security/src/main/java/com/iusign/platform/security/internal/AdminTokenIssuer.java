package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClient;
import com.iusign.platform.security.PlatformAuthorities;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Issues the short-lived SuperAdmin JWTs of admin API clients. */
@Component
class AdminTokenIssuer {

    private final JwtEncoder encoder;
    private final PlatformSigningKeys keys;
    private final AdminApiProperties properties;
    private final Clock clock;

    AdminTokenIssuer(JwtEncoder encoder, PlatformSigningKeys keys, AdminApiProperties properties) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    Jwt issueFor(AdminApiClient client) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(client.clientId())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim("client_id", client.clientId())
                .claim(properties.authoritiesClaim(), List.of(PlatformAuthorities.SUPERADMIN))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keys.signingKey().getKeyID()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims));
    }
}
