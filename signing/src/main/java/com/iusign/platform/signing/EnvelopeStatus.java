package com.iusign.platform.signing;

/** DRAFT → SENT → COMPLETED when every recipient has signed; DRAFT or SENT → VOIDED. */
public enum EnvelopeStatus {
    DRAFT, SENT, COMPLETED, VOIDED
}
