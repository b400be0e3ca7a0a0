package com.iusign.platform.identity;

import com.iusign.platform.domains.DomainControlProofs;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.security.CredentialRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The proof for a recovery whose mailbox on file is gone: control of the tenant's verified custom
 * domain. The SuperAdmin issues a fresh TXT value ({@value #HOURS} h) for the tenant to publish at
 * {@code _iusign-recovery.<domain>} and names the new contact the reset link will go to; checking
 * looks the record (and the standing ownership record) up with the domains module's resolver.
 * A check that finds nothing counts nothing: DNS takes minutes to propagate.
 */
@Service
@Transactional
public class RecoveryDomainProof {

    static final String PURPOSE = "recovery";
    static final int HOURS = 24;

    private final RecoveryCases cases;
    private final RecoveryCaseStore store;
    private final UserStore users;
    private final DomainControlProofs proofs;
    private final Clock clock;

    RecoveryDomainProof(RecoveryCases cases, RecoveryCaseStore store, UserStore users, DomainControlProofs proofs,
                        ObjectProvider<Clock> clock) {
        this.cases = cases;
        this.store = store;
        this.users = users;
        this.proofs = proofs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Issues the TXT value to publish, for a case whose mailbox is lost.
     *
     * @throws InvalidInput when the new contact is not an e-mail address or is the lost one
     * @throws Conflict     for another situation, a tenant without a custom domain, or a new contact another user has
     */
    public RecoveryCase issue(TenantId tenantId, UUID caseId, String newContactEmail, Change change) {
        RecoveryCase recovery = cases.lockOpen(tenantId, caseId);
        if (recovery.situation() != RecoveryCase.Situation.MAILBOX_LOST) {
            throw new Conflict("situation", "The mailbox on file works: send a code to it instead");
        }
        if (recovery.status() == RecoveryCase.Status.VERIFIED) {
            throw new Conflict("status", "The holder was verified already; the case is in its cooling-off window");
        }
        String contact;
        try {
            contact = CredentialRules.requireEmail(newContactEmail);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("newContactEmail", e.getMessage()));
        }
        if (contact.equals(recovery.userEmail())) {
            throw new InvalidInput(Map.of("newContactEmail", "That is the lost mailbox: name the address the reset link should go to"));
        }
        if (users.emailTaken(tenantId.value(), contact)) {
            throw new Conflict("newContactEmail", contact + " belongs to another user of this tenant");
        }
        DomainControlProofs.Challenge challenge = proofs.issue(tenantId, PURPOSE);
        Instant expiresAt = clock.instant().plus(Duration.ofHours(HOURS));
        store.domainChallenge(caseId, challenge.name(), challenge.value(), contact, expiresAt);
        cases.step(tenantId, recovery, "domain-challenge-issued", RecoveryCase.Status.CHALLENGED, "The tenant publishes TXT "
                + challenge.name() + " = " + challenge.value() + " by " + RecoveryCases.when(expiresAt) + "; the reset link will go to "
                + contact, change);
        return cases.get(tenantId, caseId);
    }

    /**
     * Looks the records up; proven → verified and the cooling-off starts, as after a code.
     *
     * @throws DomainNotProven saying what was found (the check is recorded on the timeline)
     */
    @Transactional(noRollbackFor = DomainNotProven.class)
    public RecoveryCase check(TenantId tenantId, UUID caseId, Change change) {
        RecoveryCase recovery = cases.lockOpen(tenantId, caseId);
        if (recovery.status() != RecoveryCase.Status.CHALLENGED || recovery.challengeMethod() != RecoveryCase.ChallengeMethod.DOMAIN_TXT) {
            throw new Conflict("status", "No domain challenge is outstanding: issue one first");
        }
        if (!clock.instant().isBefore(recovery.codeExpiresAt())) {
            throw new Conflict("status", "The TXT challenge expired at " + RecoveryCases.when(recovery.codeExpiresAt()) + ": issue a new one");
        }
        String domain = recovery.domainRecord().substring(recovery.domainRecord().indexOf('.') + 1);
        DomainControlProofs.Result result = proofs.check(tenantId,
                new DomainControlProofs.Challenge(domain, recovery.domainRecord(), recovery.domainValue()));
        if (!result.proven()) {
            cases.step(tenantId, recovery, "domain-check-failed", RecoveryCase.Status.CHALLENGED, result.detail(), change);
            throw new DomainNotProven(result.detail());
        }
        cases.startCoolingOff(tenantId, recovery, "Control of " + domain + " proven (" + result.detail() + ")", change);
        return cases.get(tenantId, caseId);
    }
}
