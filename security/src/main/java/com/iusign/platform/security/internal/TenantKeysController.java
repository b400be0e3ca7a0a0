package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.security.TenantKeys;
import com.iusign.platform.security.TenantMasterKey;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's keys: {@code GET} describes its master key (provider, key id, state, created, last
 * rotated) and how its data keys are wrapped; {@code POST …/rotate} with {@code {"reason", "ticket"}}
 * rotates the master key and re-wraps the data keys (audited). 409 {@code key-state} for a destroyed
 * or pending-deletion key, 503 {@code key-service-unavailable} when KMS cannot be reached.
 */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/keys")
class TenantKeysController {

    private final TenantKeys keys;

    TenantKeysController(TenantKeys keys) {
        this.keys = keys;
    }

    record RotateRequest(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    @GetMapping
    TenantKeys.KeyReport describe(@PathVariable TenantId tenantId) {
        return keys.describe(tenantId);
    }

    @PostMapping("/rotate")
    TenantMasterKey rotate(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable RotateRequest body, Change change) {
        return keys.rotate(tenantId, change);
    }
}
