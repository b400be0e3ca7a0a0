package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.Actor;
import com.iusign.platform.lifecycle.Change;
import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantValidationException;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.telemetry.TenantFlags;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Map;
import java.util.UUID;

/** A tenant's suspicion flag: read, set with a reason, clear with a reason; both audited. */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/flag")
class FlagController {

    private final TenantFlags flags;

    FlagController(TenantFlags flags) {
        this.flags = flags;
    }

    record FlagRequest(@Nullable String reason) {
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> get(@PathVariable String tenantId) {
        return flags.current(TenantPaths.tenant(tenantId)).map(flag -> ResponseEntity.ok(json(flag)))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, TenantProblems.notFound("The tenant is not flagged"), null));
    }

    @PostMapping
    Map<String, Object> flag(@PathVariable String tenantId, @RequestBody(required = false) @Nullable FlagRequest body, Principal caller) {
        return json(flags.flag(TenantPaths.tenant(tenantId), change(caller, body)));
    }

    /** Clearing needs a reason too (it is audited); 404 when the tenant was not flagged. */
    @PostMapping("/clear")
    ResponseEntity<Void> clear(@PathVariable String tenantId, @RequestBody(required = false) @Nullable FlagRequest body, Principal caller) {
        if (!flags.clear(TenantPaths.tenant(tenantId), change(caller, body))) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, TenantProblems.notFound("The tenant is not flagged"), null);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail invalidChange(TenantValidationException e) {
        return TenantProblems.validation(e);
    }

    private static Change change(Principal caller, @Nullable FlagRequest body) {
        return new Change(Actor.apiClient(caller.getName()), body == null ? null : body.reason(), null, null);
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantNotFoundException e) {
        return TenantProblems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(IllegalArgumentException e) {
        return TenantProblems.validation(Map.of("reason", e.getMessage()), e.getMessage());
    }

    private static Map<String, Object> json(TenantFlags.TenantFlag flag) {
        return Map.of("tenantId", flag.tenantId().toString(), "reason", flag.reason(), "flaggedBy", flag.flaggedBy(),
                "flaggedAt", flag.flaggedAt().toString(), "automatic", flag.automatic());
    }

}
