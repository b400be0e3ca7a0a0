package com.iusign.platform.kernel;

/** A bounded resource stayed taken while the request waited; a retry after a few seconds should succeed. 503 {@code busy}. */
public class Busy extends Refusal {

    public Busy(String message) {
        super(503, "busy", "Busy", message);
    }

    @Override
    public Integer retryAfterSeconds() {
        return 2;
    }
}
