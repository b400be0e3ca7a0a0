package com.iusign.platform.kernel;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.util.Map;

/**
 * A request the platform turns down with a reason its caller can act on. Nothing was written when
 * one is thrown. Each kind has a stable RFC 9457 problem {@link #type()} ({@code urn:iusign:problem:*})
 * that scripts may rely on; the kernel's web advice is the only place that turns a refusal into an
 * HTTP answer, so a module adds a refusal by extending this class, never by adding a handler.
 */
public abstract class Refusal extends RuntimeException {

    private final int status;
    private final String typeName;
    private final String title;

    /**
     * @param status   the HTTP status of the answer
     * @param typeName the last segment of the problem type, e.g. {@code not-found}
     * @param title    the problem's short, fixed summary of the kind
     * @param message  the problem's detail: what was refused and what to do instead
     */
    protected Refusal(int status, String typeName, String title, String message) {
        super(message);
        this.status = status;
        this.typeName = typeName;
        this.title = title;
    }

    public final int status() {
        return status;
    }

    public final URI type() {
        return URI.create("urn:iusign:problem:" + typeName);
    }

    public final String title() {
        return title;
    }

    /** Extra members of the problem document (field errors, the quota, the current status …). */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Seconds after which a retry may succeed ({@code Retry-After}); null when a retry would not help. */
    public @Nullable Integer retryAfterSeconds() {
        return null;
    }

    /** Refusals are expected answers, not faults: their stack trace would only fill the logs. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
