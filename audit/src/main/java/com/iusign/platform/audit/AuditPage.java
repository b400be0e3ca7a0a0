package com.iusign.platform.audit;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A page of entries and the cursor of the next one (null on the last page). */
public record AuditPage(List<AuditEntry> items, @Nullable Long nextCursor) {
}
