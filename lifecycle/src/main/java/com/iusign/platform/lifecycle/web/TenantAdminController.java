package com.iusign.platform.lifecycle.web;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.DefaultReason;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.ProvisioningResult;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.platform.lifecycle.web.TenantRequests.Bulk;
import com.iusign.platform.lifecycle.web.TenantRequests.Patch;
import com.iusign.platform.lifecycle.web.TenantRequests.Provision;
import com.iusign.platform.lifecycle.web.TenantRequests.StatusChange;
import com.iusign.platform.lifecycle.web.TenantResponses.BulkBody;
import com.iusign.platform.lifecycle.web.TenantResponses.HistoryBody;
import com.iusign.platform.lifecycle.web.TenantResponses.ProvisionedBody;
import com.iusign.platform.lifecycle.web.TenantResponses.TenantBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * The admin API of the tenant lifecycle. Every caller here holds an admin API token (the security
 * module's chain guarantees it); the kernel resolves each {@link Change} from it and the body.
 */
@RestController
@RequestMapping("/api/admin")
class TenantAdminController {

    private final TenantLifecycle lifecycle;

    TenantAdminController(TenantLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/tenants")
    ResponseEntity<ProvisionedBody> provision(@RequestBody Provision body, @DefaultReason("Provisioned through the admin API") Change change) {
        ProvisioningResult result = lifecycle.provisionReporting(new ProvisionTenant(body.name(), body.slug(), body.plan(),
                body.ownerEmail(), body.customDomain(), TenantRequests.subscription(body.subscriptionStatus())), change);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(result.tenant().id().value()))
                .body(ProvisionedBody.of(result));
    }

    @GetMapping("/tenants/{id}")
    TenantBody get(@PathVariable TenantId id) {
        return TenantBody.of(lifecycle.get(id));
    }

    @PatchMapping("/tenants/{id}")
    TenantBody update(@PathVariable TenantId id, @RequestBody Patch body, Change change) {
        UpdateTenant command = new UpdateTenant(body.name(), body.plan(), TenantRequests.subscription(body.subscriptionStatus()),
                body.customDomain(), body.version());
        return TenantBody.of(lifecycle.update(id, command, change));
    }

    @PostMapping("/tenants/{id}/suspend")
    TenantBody suspend(@PathVariable TenantId id, @RequestBody StatusChange body, Change change) {
        return TenantBody.of(lifecycle.suspend(id, change, body.version()));
    }

    @PostMapping("/tenants/{id}/reactivate")
    TenantBody reactivate(@PathVariable TenantId id, @RequestBody StatusChange body, Change change) {
        return TenantBody.of(lifecycle.reactivate(id, change, body.version()));
    }

    @PostMapping("/tenants/{id}/deactivate")
    TenantBody deactivate(@PathVariable TenantId id, @RequestBody StatusChange body, Change change) {
        return TenantBody.of(lifecycle.deactivate(id, change, body.version()));
    }

    @PostMapping("/tenants/bulk/suspend")
    BulkBody bulkSuspend(@RequestBody Bulk body, Change change) {
        return BulkBody.of(lifecycle.bulkSuspend(ids(body), change));
    }

    @PostMapping("/tenants/bulk/reactivate")
    BulkBody bulkReactivate(@RequestBody Bulk body, Change change) {
        return BulkBody.of(lifecycle.bulkReactivate(ids(body), change));
    }

    @GetMapping("/tenants/{id}/history")
    HistoryBody history(@PathVariable TenantId id) {
        return HistoryBody.of(lifecycle.history(id));
    }

    @GetMapping("/plans")
    List<Plan> plans() {
        return lifecycle.plans();
    }

    private static List<TenantId> ids(Bulk body) {
        return body.tenantIds() == null ? List.of()
                : body.tenantIds().stream().map(value -> new TenantId(TenantRequests.tenantId("tenantIds", value))).toList();
    }
}
