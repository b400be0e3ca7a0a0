package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.TenantId;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** Per-tenant outcome of a bulk status change, in the order the ids were given. */
public record BulkResult(List<Outcome> outcomes) {

    public record Outcome(TenantId tenantId, boolean succeeded, @Nullable TenantStatus status, @Nullable String error) {
    }

    public long succeeded() {
        return outcomes.stream().filter(Outcome::succeeded).count();
    }

    public long failed() {
        return outcomes.size() - succeeded();
    }
}
