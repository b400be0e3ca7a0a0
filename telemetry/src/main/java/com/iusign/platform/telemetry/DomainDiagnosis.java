package com.iusign.platform.telemetry;

import java.time.Instant;
import java.util.List;

/** The outcome of checking a tenant's custom domain: every check, in the order they ran. */
public record DomainDiagnosis(String domain, String verificationRecord, String verificationToken, Instant checkedAt,
                              List<DomainCheck> checks) {
}
