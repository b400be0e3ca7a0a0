package com.iusign.platform.identity.web;

import com.iusign.platform.identity.RecoveryCase;
import com.iusign.platform.identity.RecoveryCases;
import com.iusign.platform.identity.RecoveryCoolingOff;
import com.iusign.platform.identity.RecoveryDomainProof;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.web.ChangeRequest;
import com.iusign.platform.mail.MailDelivery;
import com.iusign.platform.security.Approval;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admin API: recovery cases of a tenant's users — open with evidence, challenge (a code to the
 * contact on file), verify the code read back (422 {@code wrong-code} with {@code attemptsLeft}),
 * complete after the cooling-off, cancel; ending the cooling-off early needs a second SuperAdmin.
 */
@RestController
@RequestMapping("/api/admin/tenants/{tenantId}/recovery-cases")
class RecoveryCasesController {

    record Open(@Nullable UUID userId, @Nullable String situation, @Nullable String evidence, @Nullable String identityEstablished,
                @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record Verify(@Nullable String code, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record Step(@Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    record DomainChallenge(@Nullable String newContactEmail, @Nullable String reason, @Nullable String ticket) implements ChangeRequest {
    }

    /** The case with its timeline and its mail's delivery state. */
    record CaseBody(RecoveryCase recoveryCase, List<RecoveryCase.Step> timeline, List<MailDelivery> mail) {
    }

    private final RecoveryCases cases;
    private final RecoveryCoolingOff coolingOff;
    private final RecoveryDomainProof domainProof;

    RecoveryCasesController(RecoveryCases cases, RecoveryCoolingOff coolingOff, RecoveryDomainProof domainProof) {
        this.cases = cases;
        this.domainProof = domainProof;
        this.coolingOff = coolingOff;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CaseBody open(@PathVariable TenantId tenantId, @RequestBody Open body, Change change) {
        if (body.userId() == null) {
            throw new InvalidInput(Map.of("userId", "Name the user whose access is recovered"));
        }
        return body(tenantId, cases.open(tenantId, body.userId(), situation(body.situation()), body.evidence(),
                body.identityEstablished(), change));
    }

    @GetMapping
    List<RecoveryCase> list(@PathVariable TenantId tenantId) {
        return cases.list(tenantId);
    }

    @GetMapping("/{caseId}")
    CaseBody get(@PathVariable TenantId tenantId, @PathVariable UUID caseId) {
        return body(tenantId, cases.get(tenantId, caseId));
    }

    @PostMapping("/{caseId}/challenge")
    CaseBody challenge(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Step body, Change change) {
        return body(tenantId, cases.sendCode(tenantId, caseId, change));
    }

    @PostMapping("/{caseId}/verify")
    CaseBody verify(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Verify body, Change change) {
        return body(tenantId, cases.verify(tenantId, caseId, body.code(), change));
    }

    /** For a lost mailbox: the TXT record the tenant publishes on its verified domain, and the new contact for the reset link. */
    @PostMapping("/{caseId}/domain-challenge")
    CaseBody domainChallenge(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody DomainChallenge body, Change change) {
        return body(tenantId, domainProof.issue(tenantId, caseId, body.newContactEmail(), change));
    }

    /** Looks the TXT records up: 409 {@code domain-not-proven} saying what was found, or the case verified. */
    @PostMapping("/{caseId}/domain-check")
    CaseBody domainCheck(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Step body, Change change) {
        return body(tenantId, domainProof.check(tenantId, caseId, change));
    }

    @PostMapping("/{caseId}/complete")
    CaseBody complete(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Step body, Change change) {
        return body(tenantId, cases.complete(tenantId, caseId, change));
    }

    @PostMapping("/{caseId}/cancel")
    CaseBody cancel(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Step body, Change change) {
        return body(tenantId, cases.cancel(tenantId, caseId, change));
    }

    @PostMapping("/{caseId}/cooling-off/end")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Approval endCoolingOff(@PathVariable TenantId tenantId, @PathVariable UUID caseId, @RequestBody Step body, Change change) {
        return coolingOff.requestEarlyEnd(tenantId, caseId, change);
    }

    private CaseBody body(TenantId tenantId, RecoveryCase recovery) {
        return new CaseBody(recovery, cases.timeline(tenantId, recovery.id()), cases.deliveries(tenantId, recovery.id()));
    }

    private static RecoveryCase.Situation situation(@Nullable String value) {
        try {
            return RecoveryCase.Situation.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("situation", "One of LOST_PASSWORD, LOCKED_OUT, MAILBOX_LOST"));
        }
    }
}
