package com.iusign.platform.security.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The admin API's tokens: who issues them, for which audience, how long they live, and which
 * claim carries the roles (so that an external issuer's tokens can be mapped too).
 */
@ConfigurationProperties("iusign.admin-api")
record AdminApiProperties(
        @DefaultValue("urn:iusign:control-plane") String issuer,
        @DefaultValue("iusign-admin-api") String audience,
        @DefaultValue("5m") Duration tokenTtl,
        @DefaultValue("roles") String authoritiesClaim) {

    static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(10);

    AdminApiProperties {
        if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("iusign.admin-api.token-ttl must be between 1s and 10m, was " + tokenTtl);
        }
    }
}
