package com.iusign.platform.identity;

import com.iusign.platform.kernel.Refusal;

/**
 * Sign-in or refresh refused. {@link Reason#CREDENTIALS} is deliberately vague (wrong e-mail,
 * wrong password, unknown organization or too many attempts look the same), so that nobody can
 * learn from it whether an account exists; the other reasons are given only to a caller who
 * proved the password or holds a valid refresh token.
 */
public class SignInRefused extends Refusal {

    public enum Reason {
        CREDENTIALS(401, "sign-in-failed"),
        INVALID_REFRESH_TOKEN(401, "invalid-refresh-token"),
        SESSION_REVOKED(401, "session-revoked"),
        TENANT_SUSPENDED(403, "tenant-suspended"),
        TENANT_DEACTIVATED(403, "tenant-deactivated"),
        ACCOUNT_LOCKED(403, "account-locked"),
        ACCOUNT_DISABLED(403, "account-disabled"),
        NOT_ACTIVATED(403, "account-not-activated");

        private final int status;
        private final String type;

        Reason(int status, String type) {
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return "urn:iusign:problem:" + type;
        }
    }

    private final Reason reason;

    public SignInRefused(Reason reason, String message) {
        super(reason.status, reason.type, "Sign-in refused", message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
