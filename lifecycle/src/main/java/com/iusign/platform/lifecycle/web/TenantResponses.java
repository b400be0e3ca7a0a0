package com.iusign.platform.lifecycle.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.iusign.platform.lifecycle.BulkResult;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantHistory;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin API's response bodies; field names are a contract that scripts depend on (add, never rename). */
final class TenantResponses {

    private TenantResponses() {
    }

    record TenantBody(UUID id, String name, String slug, String plan, String subscriptionStatus, String status,
                      String ownerEmail, @Nullable String customDomain, Instant createdAt, Instant updatedAt,
                      Instant statusChangedAt, long version) {

        static TenantBody of(Tenant tenant) {
            return new TenantBody(tenant.id().value(), tenant.name(), tenant.slug(), tenant.plan(),
                    tenant.subscriptionStatus().name(), tenant.status().name(), tenant.ownerEmail(), tenant.customDomain(),
                    tenant.createdAt(), tenant.updatedAt(), tenant.statusChangedAt(), tenant.version());
        }
    }

    /** The tenant, plus what the provisioning extensions reported (the owner's id and one-time activation token). */
    record ProvisionedBody(@JsonUnwrapped TenantBody tenant, @JsonIgnore Map<String, Object> extras) {

        static ProvisionedBody of(ProvisioningResult result) {
            return new ProvisionedBody(TenantBody.of(result.tenant()), result.extras());
        }

        @JsonAnyGetter
        Map<String, Object> extensions() {
            return extras;
        }
    }

    record BulkBody(long succeeded, long failed, List<Outcome> results) {

        record Outcome(UUID tenantId, boolean succeeded, @Nullable String status, @Nullable String error) {
        }

        static BulkBody of(BulkResult result) {
            return new BulkBody(result.succeeded(), result.failed(), result.outcomes().stream()
                    .map(o -> new Outcome(o.tenantId().value(), o.succeeded(), o.status() == null ? null : o.status().name(), o.error()))
                    .toList());
        }
    }

    record HistoryBody(List<StatusEntry> statusChanges, List<NameEntry> renames) {

        record StatusEntry(@Nullable String from, String to, String actor, String actorKind, String reason,
                           @Nullable String ticket, String correlationId, Instant at) {
        }

        record NameEntry(String oldName, String newName, String actor, String actorKind, String reason,
                         @Nullable String ticket, Instant at) {
        }

        static HistoryBody of(TenantHistory history) {
            return new HistoryBody(
                    history.statusChanges().stream().map(e -> new StatusEntry(e.from() == null ? null : e.from().name(),
                            e.to().name(), e.by().name(), e.by().kind().name(), e.reason(), e.ticket(), e.correlationId(), e.at()))
                            .toList(),
                    history.renames().stream().map(e -> new NameEntry(e.oldName(), e.newName(), e.by().name(), e.by().kind().name(),
                            e.reason(), e.ticket(), e.at())).toList());
        }
    }
}
