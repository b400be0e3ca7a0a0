package com.iusign.platform.identity;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.mail.MailDelivery;
import com.iusign.platform.mail.Outbox;
import com.iusign.platform.security.OpaqueTokens;
import com.iusign.platform.security.PlatformSecrets;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.security.SuperAdminAccounts;
import com.iusign.platform.security.TenantScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Administrative recovery of a tenant user who lost their password or is locked out. A SuperAdmin
 * opens a case with the evidence relied on; sends a one-time code ({@value #CODE_DIGITS} digits,
 * {@value #CODE_MINUTES} minutes) to the account's e-mail on file; enters the code the holder reads
 * back ({@value #MAX_ATTEMPTS} wrong ones lock the case). A cooling-off window follows
 * ({@code iusign.recovery.cooling-off}, 24 h) in which the tenant's owner and admins are mailed a
 * one-time veto link; a veto cancels the case. Completion unlocks the account, ends every session
 * of the user (access and refresh) and mails a one-time password-reset link to the contact on file.
 * Every step is a timeline entry and an audit entry ({@link RecoveryCaseChanged}).
 */
@Service
@Transactional
public class RecoveryCases {

    static final int CODE_DIGITS = 8;
    static final int CODE_MINUTES = 15;
    static final int MAX_ATTEMPTS = 5;
    static final int RESET_HOURS = 24;
    private static final String CODE_PURPOSE = "recovery-code-hmac";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecoveryCaseStore store;
    private final UserStore users;
    private final TenantUsers tenantUsers;
    private final TenantLifecycle lifecycle;
    private final SessionRevocation sessions;
    private final SuperAdminAccounts superAdmins;
    private final PlatformSecrets secrets;
    private final Outbox outbox;
    private final IdentityMails mails;
    private final TenantScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration coolingOff;

    RecoveryCases(RecoveryCaseStore store, UserStore users, TenantUsers tenantUsers, TenantLifecycle lifecycle, SessionRevocation sessions,
                  SuperAdminAccounts superAdmins, PlatformSecrets secrets, Outbox outbox, IdentityMails mails, TenantScope scope,
                  ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                  @Value("${iusign.recovery.cooling-off:PT24H}") Duration coolingOff) {
        this.store = store;
        this.users = users;
        this.tenantUsers = tenantUsers;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.superAdmins = superAdmins;
        this.secrets = secrets;
        this.outbox = outbox;
        this.mails = mails;
        this.scope = scope;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.coolingOff = coolingOff;
    }

    /**
     * Opens a case for one user of the tenant.
     *
     * @throws InvalidInput naming the field: no evidence, no statement of how identity was established, a user not of this tenant
     * @throws Conflict     for a deactivated tenant, a disabled user, a SuperAdmin's e-mail, or a case already open for the user
     */
    public RecoveryCase open(TenantId tenantId, UUID userId, RecoveryCase.Situation situation, String evidence, String identityEstablished,
                             Change change) {
        scope.enter(tenantId.value());
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.status().closed()) {
            throw new Conflict("status", "A deactivated tenant's accounts are not recovered");
        }
        TenantUser user = users.find(tenantId.value(), userId)
                .orElseThrow(() -> new InvalidInput(Map.of("userId", "No user " + userId + " in this tenant")));
        if (superAdmins.find(user.email()).isPresent()) {
            throw new Conflict("userId", user.email() + " is also a SuperAdmin: SuperAdmin access is restored by another SuperAdmin"
                    + " (Platform → SuperAdmins), never through a tenant's recovery");
        }
        if (user.status() == UserStatus.DISABLED) {
            throw new Conflict("userId", user.email() + " is disabled: an administrator re-enables an account, recovery does not");
        }
        String facts = text(evidence, "evidence", 10, 2000);
        String established = text(identityEstablished, "identityEstablished", 10, 500);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            store.insert(id, tenantId.value(), userId, situation, facts, established, change.ticket(), change.by().toString(), now);
        } catch (DuplicateKeyException e) {
            throw new Conflict("userId", "A recovery case for " + user.email() + " is open already: continue or cancel it");
        }
        RecoveryCase opened = get(tenantId, id);
        step(tenantId, opened, "opened", RecoveryCase.Status.OPEN, situation + ": " + facts + " — identity: " + established, change);
        return opened;
    }

    /** Sends a fresh one-time code to the account's e-mail on file; an earlier code stops working. */
    public RecoveryCase sendCode(TenantId tenantId, UUID caseId, Change change) {
        RecoveryCase recovery = lockOpen(tenantId, caseId);
        if (recovery.status() == RecoveryCase.Status.VERIFIED) {
            throw new Conflict("status", "The holder was verified already; the case is in its cooling-off window");
        }
        if (recovery.situation() == RecoveryCase.Situation.MAILBOX_LOST) {
            throw new Conflict("situation", "The mailbox on file is lost, so a code sent there proves nothing: prove control of the"
                    + " tenant's verified custom domain instead (a TXT record)");
        }
        String code = code();
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(CODE_MINUTES));
        store.challenge(caseId, codeHash(caseId, code), expiresAt);
        outbox.enqueue(mails.recoveryCode(lifecycle.get(tenantId).name(), tenantId.value(), caseId, recovery.userEmail(), code, expiresAt));
        step(tenantId, recovery, "challenge-sent", RecoveryCase.Status.CHALLENGED,
                "A one-time code went to " + recovery.userEmail() + ", valid until " + when(expiresAt), change);
        return get(tenantId, caseId);
    }

    /**
     * Checks the code the holder read back. The attempt counts even though the answer is a refusal.
     *
     * @throws WrongRecoveryCode with the attempts left; the last one locks the case
     */
    @Transactional(noRollbackFor = WrongRecoveryCode.class)
    public RecoveryCase verify(TenantId tenantId, UUID caseId, String code, Change change) {
        RecoveryCase recovery = lockOpen(tenantId, caseId);
        if (recovery.status() != RecoveryCase.Status.CHALLENGED || recovery.challengeMethod() != RecoveryCase.ChallengeMethod.EMAIL_CODE) {
            throw new Conflict("status", "No code is outstanding: send one first");
        }
        Instant now = clock.instant();
        if (!now.isBefore(recovery.codeExpiresAt())) {
            throw new WrongRecoveryCode("The code expired at " + when(recovery.codeExpiresAt()) + ": send a new one",
                    MAX_ATTEMPTS - recovery.codeAttempts());
        }
        byte[] expected = store.codeHash(caseId);
        String given = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (expected == null || !MessageDigest.isEqual(expected, codeHash(caseId, given))) {
            store.wrongCode(caseId);
            int left = MAX_ATTEMPTS - recovery.codeAttempts() - 1;
            if (left <= 0) {
                store.close(caseId, RecoveryCase.Status.LOCKED, now);
                step(tenantId, recovery, "locked", RecoveryCase.Status.LOCKED,
                        MAX_ATTEMPTS + " wrong codes: the case is locked; open a new one if the request is genuine", change);
                throw new WrongRecoveryCode("Wrong code, the " + MAX_ATTEMPTS + "th: the case is locked", 0);
            }
            step(tenantId, recovery, "code-wrong", RecoveryCase.Status.CHALLENGED, left + " attempt(s) left", change);
            throw new WrongRecoveryCode("Wrong code: " + left + " attempt(s) left before the case locks", left);
        }
        startCoolingOff(tenantId, recovery, "The holder read the code back", change);
        return get(tenantId, caseId);
    }

    /** The holder is verified: cooling-off starts and the tenant's owner and admins get a veto link each. */
    void startCoolingOff(TenantId tenantId, RecoveryCase recovery, String how, Change change) {
        UUID caseId = recovery.id();
        Instant now = clock.instant();
        Instant until = now.plus(coolingOff);
        store.verified(caseId, now, until);
        Tenant tenant = lifecycle.get(tenantId);
        List<TenantUser> guardians = users.list(tenantId.value()).stream()
                .filter(user -> user.role() != UserRole.MEMBER && user.status() == UserStatus.ACTIVE && !user.id().equals(recovery.userId()))
                .toList();
        for (TenantUser guardian : guardians) {
            String token = OpaqueTokens.newToken(tenantId.value());
            store.insertVeto(OpaqueTokens.hash(token), caseId, tenantId.value(), guardian.email(), until);
            outbox.enqueue(mails.recoveryVetoNotice(tenant.name(), tenantId.value(), caseId, guardian.email(), recovery.userEmail(), token,
                    until));
        }
        step(tenantId, recovery, "verified", RecoveryCase.Status.VERIFIED, how + "; cooling-off until " + when(until)
                + "; veto links mailed to " + guardians.size() + " owner/admin(s)", change);
    }

    /**
     * A veto through a mailed link (no account needed). One answer for an unknown, used, expired
     * or foreign link, so the page tells an attacker nothing.
     *
     * @throws InvalidInput when the link is not usable
     */
    public void veto(String token) {
        OpaqueTokens.tenantOf(token).ifPresent(scope::enter);
        RecoveryCaseStore.Veto veto = store.consumeVeto(OpaqueTokens.hash(token == null ? "" : token), clock.instant())
                .orElseThrow(() -> new InvalidInput(Map.of("token", "This link is not valid (any more)")));
        TenantId tenantId = new TenantId(veto.tenantId());
        RecoveryCase recovery = store.lock(veto.tenantId(), veto.caseId()).orElseThrow();
        if (recovery.status() != RecoveryCase.Status.VERIFIED) {
            throw new InvalidInput(Map.of("token", "This link is not valid (any more)"));
        }
        store.close(recovery.id(), RecoveryCase.Status.VETOED, clock.instant());
        step(tenantId, recovery, "vetoed", RecoveryCase.Status.VETOED, veto.recipient() + " objected",
                Change.of(com.iusign.platform.kernel.Actor.system("veto-link:" + veto.recipient()), "Vetoed through the mailed link"));
    }

    /** Ends the cooling-off now: only through a second SuperAdmin's approval ({@link RecoveryCoolingOffApproval}). */
    void endCoolingOff(TenantId tenantId, UUID caseId, String approvedBy, Change change) {
        RecoveryCase recovery = lockOpen(tenantId, caseId);
        if (recovery.status() != RecoveryCase.Status.VERIFIED) {
            throw new Conflict("status", "The case is not in its cooling-off window");
        }
        store.coolingOffUntil(caseId, clock.instant());
        step(tenantId, recovery, "cooling-off-shortened", RecoveryCase.Status.VERIFIED,
                "Cooling-off ended early, approved by " + approvedBy, change);
    }

    /**
     * Completes the case after its cooling-off: unlocks the account, ends all of its sessions and
     * mails a one-time password-reset link ({@value #RESET_HOURS} h) to the contact on file.
     */
    public RecoveryCase complete(TenantId tenantId, UUID caseId, Change change) {
        RecoveryCase recovery = lockOpen(tenantId, caseId);
        if (recovery.status() != RecoveryCase.Status.VERIFIED) {
            throw new Conflict("status", "Only a verified case completes: the holder has not read a code back yet");
        }
        Instant now = clock.instant();
        if (now.isBefore(recovery.coolingOffUntil())) {
            throw new Conflict("coolingOffUntil", "The cooling-off window runs until " + when(recovery.coolingOffUntil())
                    + ": the tenant's owner and admins may still veto; a second SuperAdmin can approve ending it early");
        }
        TenantUser user = users.find(tenantId.value(), recovery.userId()).orElseThrow();
        if (recovery.newContactEmail() != null && !recovery.newContactEmail().equals(user.email())) {
            if (users.emailTaken(tenantId.value(), recovery.newContactEmail())) {
                throw new Conflict("newContactEmail", recovery.newContactEmail() + " belongs to another user of this tenant now");
            }
            users.setEmail(user.id(), recovery.newContactEmail());
            user = users.find(tenantId.value(), recovery.userId()).orElseThrow();
        }
        if (user.status() == UserStatus.LOCKED) {
            tenantUsers.unlock(tenantId, user.id(), change);
        }
        users.revokeAllOfUser(user.id());
        sessions.flushUser(tenantId, user.id(), change);
        String token = OpaqueTokens.newToken(tenantId.value());
        Instant expiresAt = now.plus(Duration.ofHours(RESET_HOURS));
        users.insertActivation(OpaqueTokens.hash(token), tenantId.value(), user.id(), expiresAt);
        outbox.enqueue(mails.recoveryReset(lifecycle.get(tenantId).name(), tenantId.value(), caseId, user.email(), token, expiresAt));
        store.close(caseId, RecoveryCase.Status.COMPLETED, now);
        step(tenantId, recovery, "completed", RecoveryCase.Status.COMPLETED, "Account unlocked, every session ended, a reset"
                + " link (valid until " + when(expiresAt) + ") mailed to " + user.email(), change);
        return get(tenantId, caseId);
    }

    public RecoveryCase cancel(TenantId tenantId, UUID caseId, Change change) {
        RecoveryCase recovery = lockOpen(tenantId, caseId);
        store.close(caseId, RecoveryCase.Status.CANCELLED, clock.instant());
        step(tenantId, recovery, "cancelled", RecoveryCase.Status.CANCELLED, change.reason(), change);
        return get(tenantId, caseId);
    }

    @Transactional(readOnly = true)
    public RecoveryCase get(TenantId tenantId, UUID caseId) {
        scope.enter(tenantId.value());
        return store.find(tenantId.value(), caseId).orElseThrow(() -> new NotFound("No recovery case " + caseId + " in tenant " + tenantId));
    }

    @Transactional(readOnly = true)
    public List<RecoveryCase> list(TenantId tenantId) {
        scope.enter(tenantId.value());
        return store.list(tenantId.value());
    }

    @Transactional(readOnly = true)
    public List<RecoveryCase.Step> timeline(TenantId tenantId, UUID caseId) {
        scope.enter(tenantId.value());
        return store.steps(tenantId.value(), caseId);
    }

    /** The case's mail and its delivery state: a refusing mail server shows here as a failed delivery, retried. */
    @Transactional(readOnly = true)
    public List<MailDelivery> deliveries(TenantId tenantId, UUID caseId) {
        get(tenantId, caseId);
        return outbox.deliveries(IdentityMails.recoveryReference(caseId));
    }

    RecoveryCase lockOpen(TenantId tenantId, UUID caseId) {
        scope.enter(tenantId.value());
        RecoveryCase recovery = store.lock(tenantId.value(), caseId)
                .orElseThrow(() -> new NotFound("No recovery case " + caseId + " in tenant " + tenantId));
        if (!recovery.status().isOpen()) {
            throw new Conflict("status", "The case is " + recovery.status().name().toLowerCase() + ": nothing more happens in it");
        }
        return recovery;
    }

    /** A step without a ticket of its own carries the case's, so every audit entry of the case names it. */
    void step(TenantId tenantId, RecoveryCase recovery, String step, RecoveryCase.Status status, String detail, Change request) {
        Change change = request.ticket() != null || recovery.ticket() == null ? request
                : new Change(request.by(), request.reason(), recovery.ticket(), request.correlationId());
        Instant now = clock.instant();
        store.step(recovery.id(), tenantId.value(), now, step, change.by().toString(), detail);
        events.publishEvent(new RecoveryCaseChanged(UUID.randomUUID(), tenantId.value(), recovery.id(), recovery.userId(), step, status,
                detail, change, now));
    }

    private byte[] codeHash(UUID caseId, String code) {
        return secrets.hmacSha256(CODE_PURPOSE, (caseId + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    static String when(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_DIGITS; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    private static String text(String value, String field, int min, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.length() < min || trimmed.length() > max) {
            throw new InvalidInput(Map.of(field, "Required: " + min + " to " + max + " characters"));
        }
        return trimmed;
    }
}
