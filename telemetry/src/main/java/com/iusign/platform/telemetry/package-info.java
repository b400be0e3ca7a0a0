/**
 * Usage per tenant for the control plane: envelopes sent (ever, this month) and completed, seats,
 * users active in 30 days, last activity and a daily series — kept fresh from the signing and
 * identity modules' events (idempotently) and recomputed from their source tables by re-sync.
 */
@ApplicationModule(displayName = "Telemetry", allowedDependencies = {"kernel", "kernel :: web", "lifecycle", "identity", "signing"})
@NullMarked
package com.iusign.platform.telemetry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
