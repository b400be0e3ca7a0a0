package com.iusign.platform.lifecycle.web;

import com.iusign.platform.lifecycle.Actor;
import com.iusign.platform.lifecycle.Change;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.platform.lifecycle.web.TenantRequests.Bulk;
import com.iusign.platform.lifecycle.web.TenantRequests.Patch;
import com.iusign.platform.lifecycle.web.TenantRequests.Provision;
import com.iusign.platform.lifecycle.web.TenantRequests.StatusChange;
import com.iusign.platform.lifecycle.web.TenantResponses.BulkBody;
import com.iusign.platform.lifecycle.web.TenantResponses.HistoryBody;
import com.iusign.platform.lifecycle.web.TenantResponses.TenantBody;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The admin API of the tenant lifecycle. Every caller here holds an admin API token (the security
 * module's chain guarantees it), so the actor is the token's subject, an API client.
 */
@RestController
@RequestMapping("/api/admin")
class TenantAdminController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final TenantLifecycle lifecycle;

    TenantAdminController(TenantLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/tenants")
    ResponseEntity<Map<String, Object>> provision(@RequestBody Provision body, Principal caller,
                                         @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        Change change = change(caller, Objects.requireNonNullElse(body.reason(), "Provisioned through the admin API"),
                body.ticket(), correlationId);
        ProvisioningResult result = lifecycle.provisionReporting(new ProvisionTenant(body.name(), body.slug(), body.plan(),
                body.ownerEmail(), body.customDomain(), TenantRequests.subscription(body.subscriptionStatus())), change);
        Tenant tenant = result.tenant();
        Map<String, Object> response = new LinkedHashMap<>(JSON.convertValue(TenantBody.of(tenant), MAP));
        response.putAll(result.extras());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(tenant.id().value()))
                .header(CORRELATION_HEADER, change.correlationId())
                .body(response);
    }

    @GetMapping("/tenants/{id}")
    TenantBody get(@PathVariable String id) {
        return TenantBody.of(lifecycle.get(id(id)));
    }

    @PatchMapping("/tenants/{id}")
    TenantBody update(@PathVariable String id, @RequestBody Patch body, Principal caller,
                      @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        UpdateTenant command = new UpdateTenant(body.name(), body.plan(), TenantRequests.subscription(body.subscriptionStatus()),
                body.customDomain(), body.version());
        return TenantBody.of(lifecycle.update(id(id), command, change(caller, body.reason(), body.ticket(), correlationId)));
    }

    @PostMapping("/tenants/{id}/suspend")
    TenantBody suspend(@PathVariable String id, @RequestBody StatusChange body, Principal caller,
                       @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        return TenantBody.of(lifecycle.suspend(id(id), change(caller, body.reason(), body.ticket(), correlationId), body.version()));
    }

    @PostMapping("/tenants/{id}/reactivate")
    TenantBody reactivate(@PathVariable String id, @RequestBody StatusChange body, Principal caller,
                          @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        return TenantBody.of(lifecycle.reactivate(id(id), change(caller, body.reason(), body.ticket(), correlationId), body.version()));
    }

    @PostMapping("/tenants/{id}/deactivate")
    TenantBody deactivate(@PathVariable String id, @RequestBody StatusChange body, Principal caller,
                          @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        return TenantBody.of(lifecycle.deactivate(id(id), change(caller, body.reason(), body.ticket(), correlationId), body.version()));
    }

    @PostMapping("/tenants/bulk/suspend")
    BulkBody bulkSuspend(@RequestBody Bulk body, Principal caller,
                         @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        return BulkBody.of(lifecycle.bulkSuspend(ids(body), change(caller, body.reason(), body.ticket(), correlationId)));
    }

    @PostMapping("/tenants/bulk/reactivate")
    BulkBody bulkReactivate(@RequestBody Bulk body, Principal caller,
                            @RequestHeader(name = CORRELATION_HEADER, required = false) @Nullable String correlationId) {
        return BulkBody.of(lifecycle.bulkReactivate(ids(body), change(caller, body.reason(), body.ticket(), correlationId)));
    }

    @GetMapping("/tenants/{id}/history")
    HistoryBody history(@PathVariable String id) {
        return HistoryBody.of(lifecycle.history(id(id)));
    }

    @GetMapping("/plans")
    List<Plan> plans() {
        return lifecycle.plans();
    }

    private static List<TenantId> ids(Bulk body) {
        return body.tenantIds() == null ? List.of()
                : body.tenantIds().stream().map(value -> new TenantId(TenantRequests.tenantId("tenantIds", value))).toList();
    }

    private static TenantId id(String value) {
        return new TenantId(TenantRequests.tenantId("id", value));
    }

    private static Change change(Principal caller, @Nullable String reason, @Nullable String ticket, @Nullable String correlationId) {
        String correlation = correlationId != null && correlationId.matches("[A-Za-z0-9._:-]{1,100}") ? correlationId
                : UUID.randomUUID().toString();
        return new Change(Actor.apiClient(caller.getName()), reason, ticket, correlation);
    }
}
