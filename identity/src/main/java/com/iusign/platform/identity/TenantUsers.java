package com.iusign.platform.identity;

import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.security.OpaqueTokens;
import com.iusign.platform.security.TenantScope;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.security.CredentialRules;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.mail.Outbox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity module's façade for administrators: add users (each gets a one-time activation
 * token, valid {@value #ACTIVATION_HOURS} h, mailed to them, with which they set their own password;
 * a new one can be sent while they have not), list them,
 * lock and unlock them, within the plan's seat limit. Every method runs scoped to the tenant
 * (row-level security; activation tokens name their tenant). Locking ends the user's sessions at once (user not-before) and revokes
 * their refresh tokens.
 */
@Service
@Transactional
public class TenantUsers {

    public static final int ACTIVATION_HOURS = 72;

    private final UserStore store;
    private final TenantLifecycle lifecycle;
    private final SessionRevocation sessions;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TenantScope scope;
    private final Outbox outbox;
    private final IdentityMails mails;

    TenantUsers(UserStore store, TenantLifecycle lifecycle, SessionRevocation sessions, PasswordEncoder passwordEncoder,
                ApplicationEventPublisher events, TenantScope scope, Outbox outbox, IdentityMails mails) {
        this.scope = scope;
        this.outbox = outbox;
        this.mails = mails;
        this.store = store;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /**
     * @throws InvalidInput naming each invalid field
     * @throws Conflict   when the e-mail already has an account in this tenant
     */
    public NewUser add(TenantId tenantId, String email, String displayName, String role, Change change) {
        NewUser added = addSilently(tenantId, email, displayName, role, change);
        outbox.enqueue(mails.userInvited(lifecycle.get(tenantId).name(), tenantId.value(), added.user().email(), added.user().role(),
                added.activationToken(), added.activationExpiresAt()));
        return added;
    }

    /**
     * Issues a new activation link to a user who has not set a password yet, and mails it; the
     * earlier links stop working.
     *
     * @throws Conflict when the user has activated already, or is not active
     */
    public NewUser resendActivation(TenantId tenantId, UUID userId, Change change) {
        TenantUser user = get(tenantId, userId);
        if (user.activated()) {
            throw new Conflict("userId", user.email() + " has set a password already: a lost one is restored by a recovery case");
        }
        if (user.status() != UserStatus.ACTIVE) {
            throw new Conflict("userId", user.email() + " is " + user.status().name().toLowerCase() + ": unlock the account first");
        }
        store.expireActivations(userId);
        String token = OpaqueTokens.newToken(tenantId.value());
        Instant expiresAt = Instant.now().plus(Duration.ofHours(ACTIVATION_HOURS));
        store.insertActivation(OpaqueTokens.hash(token), tenantId.value(), userId, expiresAt);
        outbox.enqueue(mails.userInvited(lifecycle.get(tenantId).name(), tenantId.value(), user.email(), user.role(), token, expiresAt));
        events.publishEvent(new TenantUserActivationResent(UUID.randomUUID(), tenantId.value(), userId, user.email(), expiresAt, change,
                Instant.now()));
        return new NewUser(user, token, expiresAt);
    }

    /** {@link #add} without the invitation mail, for a caller that sends its own (the owner assignment). */
    NewUser addSilently(TenantId tenantId, String email, String displayName, String role, Change change) {
        scope.enter(tenantId.value());
        Tenant tenant = lifecycle.get(tenantId);
        TenantStatus status = tenant.status();
        if (status.closed()) {
            throw new Conflict("status", "A deactivated tenant gets no new users");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String normalizedEmail = null;
        try {
            normalizedEmail = CredentialRules.requireEmail(email);
        } catch (IllegalArgumentException e) {
            errors.put("email", e.getMessage());
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 120) {
            errors.put("displayName", "The display name must have 1 to 120 characters");
        }
        UserRole userRole = null;
        try {
            userRole = UserRole.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            errors.put("role", "Unknown role '" + role + "'; one of " + List.of(UserRole.values()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (store.emailTaken(tenantId.value(), normalizedEmail)) {
            throw new Conflict("email", "This tenant already has a user with the e-mail " + normalizedEmail);
        }
        requireSeat(tenant);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        store.insert(id, tenantId.value(), normalizedEmail, name, userRole, now);
        String token = OpaqueTokens.newToken(tenantId.value());
        Instant expiresAt = now.plus(Duration.ofHours(ACTIVATION_HOURS));
        store.insertActivation(OpaqueTokens.hash(token), tenantId.value(), id, expiresAt);
        events.publishEvent(new TenantUserAdded(UUID.randomUUID(), tenantId.value(), id, normalizedEmail, userRole, change, now));
        return new NewUser(get(tenantId, id), token, expiresAt);
    }

    /**
     * Sets the password of the user the one-time token belongs to.
     *
     * @throws InvalidInput when the token is unknown, used or expired, or the password is weak
     */
    public TenantUser activate(String token, String password) {
        OpaqueTokens.tenantOf(token).ifPresent(scope::enter);
        UUID userId = store.consumeActivation(OpaqueTokens.hash(token == null ? "" : token))
                .orElseThrow(() -> new InvalidInput(Map.of("token",
                        "This activation link is unknown, was used already or has expired: ask an administrator for a new one")));
        TenantUser user = store.findById(userId).orElseThrow();
        try {
            CredentialRules.requireStrongPassword(password, user.email());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("password", e.getMessage()));
        }
        store.setPassword(userId, passwordEncoder.encode(password));
        return store.findById(userId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<TenantUser> list(TenantId tenantId) {
        scope.enter(tenantId.value());
        return store.list(tenantId.value());
    }

    @Transactional(readOnly = true)
    public TenantUser get(TenantId tenantId, UUID userId) {
        scope.enter(tenantId.value());
        return store.find(tenantId.value(), userId).orElseThrow(() -> new UserNotFoundException(tenantId.value(), userId));
    }

    @Transactional(readOnly = true)
    public Map<UserStatus, Long> countByStatus(TenantId tenantId) {
        scope.enter(tenantId.value());
        return store.countByStatus(tenantId.value());
    }

    /** The tenant's sessions a suspension or flush would end now (its blast radius). */
    @Transactional(readOnly = true)
    public LiveSessions liveSessions(TenantId tenantId) {
        Instant notBefore = sessions.sessionsNotBefore(tenantId);
        scope.enter(tenantId.value());
        return store.liveSessions(notBefore);
    }

    /** Seats, users signed in since {@code activeSince}, and the last sign-in, counted from the users table (telemetry re-sync). */
    @Transactional(readOnly = true)
    public UserUsage usage(TenantId tenantId, Instant activeSince) {
        scope.enter(tenantId.value());
        return store.usage(activeSince);
    }

    /** Locks the user: no sign-in, no refresh, and every token already issued is refused on its next request. */
    public TenantUser lock(TenantId tenantId, UUID userId, Change change) {
        TenantUser user = setStatus(tenantId, userId, UserStatus.LOCKED, change);
        store.revokeAllOfUser(userId);
        sessions.flushUser(tenantId, userId, change);
        return user;
    }

    /** Disables the user: like a lock, and the seat is freed. */
    public TenantUser disable(TenantId tenantId, UUID userId, Change change) {
        TenantUser user = setStatus(tenantId, userId, UserStatus.DISABLED, change);
        store.revokeAllOfUser(userId);
        sessions.flushUser(tenantId, userId, change);
        return user;
    }

    public TenantUser unlock(TenantId tenantId, UUID userId, Change change) {
        return setStatus(tenantId, userId, UserStatus.ACTIVE, change);
    }

    /** Seats are users who are not disabled; the plan's seat limit caps them (serialized per tenant). */
    private void requireSeat(Tenant tenant) {
        store.lockSeats(tenant.id().value());
        int limit = lifecycle.planOf(tenant).seatLimit();
        long used = store.countByStatus(tenant.id().value()).entrySet().stream()
                .filter(entry -> entry.getKey() != UserStatus.DISABLED).mapToLong(Map.Entry::getValue).sum();
        if (used >= limit) {
            throw new SeatQuotaExceeded(limit, used);
        }
    }

    private TenantUser setStatus(TenantId tenantId, UUID userId, UserStatus target, Change change) {
        TenantUser user = get(tenantId, userId);
        if (user.status() == target) {
            throw new Conflict("status", "The user is already " + target.name().toLowerCase());
        }
        store.setStatus(userId, target, change.reason(), change.by().toString());
        events.publishEvent(new TenantUserStatusChanged(UUID.randomUUID(), tenantId.value(), userId, user.status(), target, change,
                Instant.now()));
        return get(tenantId, userId);
    }
}
