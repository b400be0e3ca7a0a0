package com.iusign.platform.security;

import java.time.Instant;

/** A signed tenant access token with the values the issuer needs to remember or report. */
public record IssuedToken(String value, String jti, Instant issuedAt, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[jti=" + jti + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
