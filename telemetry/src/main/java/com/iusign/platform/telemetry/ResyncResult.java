package com.iusign.platform.telemetry;

import java.util.Map;

/** The snapshot after a re-sync and, for each counter that had drifted, its value before and after. */
public record ResyncResult(TelemetrySnapshot snapshot, Map<String, Correction> corrected) {

    public record Correction(long before, long after) {
    }
}
