package com.iusign.platform.security;

import com.iusign.platform.kernel.Refusal;

/**
 * The key provider could not be reached or kept throttling after its retries. Nothing was written;
 * the same request may be repeated. 503 {@code key-service-unavailable}.
 */
public class KeyServiceUnavailable extends Refusal {

    public KeyServiceUnavailable(String message, Throwable cause) {
        super(503, "key-service-unavailable", "Key service unavailable", message);
        initCause(cause);
    }

    @Override
    public Integer retryAfterSeconds() {
        return 5;
    }
}
