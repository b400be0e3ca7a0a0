package com.iusign.platform.fleet;

import com.iusign.platform.kernel.Change;

import java.time.Instant;
import java.util.UUID;

/** A fleet action was started: what, on which selection, how many tenants, by whom and why (each tenant's change is audited on its own). */
public record FleetJobStarted(UUID eventId, UUID jobId, FleetAction action, String selection, int tenants, Change change, Instant at) {
}
