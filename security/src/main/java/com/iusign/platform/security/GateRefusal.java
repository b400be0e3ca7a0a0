package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;

/**
 * Why the access gate refused a tenant token, with the HTTP status and RFC 9457 problem type it
 * answers with: 401 for the token (invalid, revoked, issued before a flush), 403 for the tenant, 429 over
 * the plan's request rate.
 */
public enum GateRefusal {
    INVALID_TOKEN(401, "invalid-token", "The token is not valid"),
    UNKNOWN_TENANT(401, "invalid-token", "The token names a tenant that does not exist"),
    TENANT_SUSPENDED(403, "tenant-suspended", "The organization is temporarily suspended"),
    TENANT_DEACTIVATED(403, "tenant-deactivated", "The organization has been deactivated"),
    SESSION_FLUSHED(401, "session-revoked", "The session was ended: sign in again"),
    TOKEN_REVOKED(401, "token-revoked", "This token was revoked: sign in again"),
    RATE_LIMITED(429, "rate-limited", "Too many requests for this organization's plan");

    private final int status;
    private final String type;
    private final String title;

    GateRefusal(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:iusign:problem:" + type;
    }

    public String title() {
        return title;
    }

    /** A gate decision: {@code refusal} is null when the request may pass. */
    public record Decision(@Nullable GateRefusal refusal, String detail) {

        public static Decision allow() {
            return new Decision(null, "allowed");
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}
