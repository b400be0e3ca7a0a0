package com.iusign.platform.compliance.web;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.compliance.TenantFlags;
import com.iusign.platform.compliance.TenantFlags.TenantFlag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's suspicion flag: read, set with a reason, clear with a reason; both audited. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/flag")
class FlagController {

    private final TenantFlags flags;

    FlagController(TenantFlags flags) {
        this.flags = flags;
    }

    record FlagRequest(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    @GetMapping
    TenantFlag get(@PathVariable TenantId tenantId) {
        return flags.current(tenantId).orElseThrow(() -> new NotFound("The tenant is not flagged"));
    }

    @PostMapping
    TenantFlag flag(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable FlagRequest body, Change change) {
        return flags.flag(tenantId, change);
    }

    /** Clearing needs a reason too (it is audited); 404 when the tenant was not flagged. */
    @PostMapping("/clear")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable TenantId tenantId, @RequestBody(required = false) @Nullable FlagRequest body, Change change) {
        if (!flags.clear(tenantId, change)) {
            throw new NotFound("The tenant is not flagged");
        }
    }
}
