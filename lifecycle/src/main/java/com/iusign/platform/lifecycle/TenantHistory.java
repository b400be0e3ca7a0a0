package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Actor;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** A tenant's status and name history, newest first. */
public record TenantHistory(List<StatusEntry> statusChanges, List<NameEntry> renames) {

    /** {@code from} is null for the provisioning entry. */
    public record StatusEntry(@Nullable TenantStatus from, TenantStatus to, Actor by, String reason, @Nullable String ticket,
                              String correlationId, Instant at) {
    }

    public record NameEntry(String oldName, String newName, Actor by, String reason, @Nullable String ticket, Instant at) {
    }
}
