package com.iusign.platform.kernel;

import java.util.List;
import java.util.Map;

/** A status move that the record's current status does not allow; names the status and the moves that are allowed. 409 {@code illegal-transition}. */
public class IllegalTransition extends Refusal {

    private final String currentStatus;
    private final List<String> allowed;

    public IllegalTransition(String message, String currentStatus, List<String> allowed) {
        super(409, "illegal-transition", "Status change not allowed", message);
        this.currentStatus = currentStatus;
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("currentStatus", currentStatus, "allowed", allowed);
    }
}
