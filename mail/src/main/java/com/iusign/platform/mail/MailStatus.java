package com.iusign.platform.mail;

/** Where a message stands. */
public enum MailStatus {
    /** Waiting for its first attempt. */
    QUEUED,
    /** The SMTP server accepted it. */
    SENT,
    /** The last attempt failed (server down, timeout, temporary refusal); it is tried again at its next attempt. */
    FAILED,
    /** The server refused the recipient for good (5xx): not retried. */
    REFUSED,
    /** Still failing when its retry window ended: not retried. */
    GAVE_UP;

    public boolean isFinal() {
        return this == SENT || this == REFUSED || this == GAVE_UP;
    }
}
