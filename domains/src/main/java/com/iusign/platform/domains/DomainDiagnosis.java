package com.iusign.platform.domains;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of checking a tenant's custom domain: every check, in the order they ran, and the
 * presented certificate's end of validity when a TLS connection was made.
 */
public record DomainDiagnosis(String domain, String verificationRecord, String verificationToken, Instant checkedAt,
                              List<DomainCheck> checks, @Nullable Instant certificateNotAfter) {

    public long count(DomainCheck.Status status) {
        return checks.stream().filter(check -> check.status() == status).count();
    }
}
