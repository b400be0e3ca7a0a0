package com.iusign.platform.domains.web;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.domains.DomainDiagnosis;
import com.iusign.platform.domains.TenantDomains;
import com.iusign.platform.domains.TenantDomains.ExpiringCertificate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Custom-domain diagnostics of a tenant for SuperAdmins, and the certificates about to expire. */
@RestController
@RequestMapping("/api/admin")
class DomainController {

    record VerificationBody(String verificationToken) {
    }

    record ExpiringBody(int days, List<ExpiringCertificate> items) {
    }

    private final TenantDomains domains;

    DomainController(TenantDomains domains) {
        this.domains = domains;
    }

    @GetMapping("/tenants/{tenantId}/domain")
    VerificationBody verification(@PathVariable TenantId tenantId) {
        return new VerificationBody(domains.verificationToken(tenantId));
    }

    @PostMapping("/tenants/{tenantId}/domain/diagnostics")
    DomainDiagnosis diagnose(@PathVariable TenantId tenantId) {
        return domains.diagnose(tenantId);
    }

    @GetMapping("/reports/expiring-certificates")
    ExpiringBody expiring(@RequestParam(defaultValue = "14") int days) {
        return new ExpiringBody(days, domains.expiringCertificates(days));
    }
}
