package com.iusign.platform.inventory;

import java.time.Instant;
import java.util.UUID;

/**
 * The manifest's row of a tenant was written (or found gone): published after the read model, not
 * the source, changed, so that a view re-reading the manifest on it sees the new row, never the old.
 */
public record ManifestChanged(UUID tenantId, Instant at) {
}
