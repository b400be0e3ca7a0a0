package com.iusign.platform.kernel.web;

import org.jspecify.annotations.Nullable;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id} when it is 1–100 of
 * {@code [A-Za-z0-9._:-]}, else a fresh UUID — so what reaches the audit trail is always short and
 * printable, whoever sent the header.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationIds() {
    }

    public static String of(@Nullable String header) {
        return header != null && ALLOWED.matcher(header).matches() ? header : UUID.randomUUID().toString();
    }
}
