package com.iusign.platform.telemetry.web;

import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantNotFoundException;
import com.iusign.platform.lifecycle.TenantProblems;
import com.iusign.platform.telemetry.DomainDiagnosis;
import com.iusign.platform.telemetry.TenantDomains;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Custom-domain diagnostics of a tenant for SuperAdmins, and the certificates about to expire. */
@RestController
@RequestMapping("/api/admin")
class DomainController {

    private final TenantDomains domains;

    DomainController(TenantDomains domains) {
        this.domains = domains;
    }

    @GetMapping("/tenants/{tenantId}/domain")
    Map<String, Object> verification(@PathVariable String tenantId) {
        String token = domains.verificationToken(TenantPaths.tenant(tenantId));
        return Map.of("verificationToken", token);
    }

    @PostMapping("/tenants/{tenantId}/domain/diagnostics")
    Map<String, Object> diagnose(@PathVariable String tenantId) {
        DomainDiagnosis diagnosis = domains.diagnose(TenantPaths.tenant(tenantId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", diagnosis.domain());
        body.put("verificationRecord", diagnosis.verificationRecord());
        body.put("verificationToken", diagnosis.verificationToken());
        body.put("checkedAt", diagnosis.checkedAt().toString());
        body.put("checks", diagnosis.checks().stream().map(check -> Map.of("check", check.check(), "status", check.status().name(),
                "detail", check.detail(), "fix", check.fix())).toList());
        return body;
    }

    @GetMapping("/reports/expiring-certificates")
    Map<String, Object> expiring(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "14") int days) {
        return Map.of("days", days, "items", domains.expiringCertificates(days).stream().map(item -> Map.of("tenantId",
                item.tenantId().toString(), "domain", item.domain(), "notAfter", item.notAfter().toString(),
                "checkedAt", item.checkedAt().toString())).toList());
    }

    @ExceptionHandler
    ProblemDetail notFound(TenantNotFoundException e) {
        return TenantProblems.notFound(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noDomain(IllegalStateException e) {
        ProblemDetail problem = TenantProblems.of(HttpStatus.CONFLICT, TenantProblems.CONFLICT, "No custom domain", e.getMessage());
        problem.setProperty("field", "customDomain");
        return problem;
    }

}
