package com.iusign.platform.identity;

import com.iusign.platform.security.OpaqueTokens;
import com.iusign.platform.security.ClientAddress;
import com.iusign.platform.security.GateRefusal;
import com.iusign.platform.security.SignInLockout;
import com.iusign.platform.security.TenantAccess;
import com.iusign.platform.security.TenantScope;
import org.springframework.context.ApplicationEventPublisher;
import com.iusign.platform.identity.SignInRefused.Reason;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.IssuedToken;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.security.TenantTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenant users sign in and refresh. A refresh token is single-use: each refresh rotates it within
 * its family, and presenting an already rotated one (a sign of theft) revokes the whole family and
 * ends the user's sessions. Refusals are committed (a failed attempt counts even though the call
 * fails), hence {@code noRollbackFor}.
 */
@Service
@Transactional(noRollbackFor = SignInRefused.class)
public class TenantSignIn {

    private static final String VAGUE = "Sign-in failed: the organization, e-mail or password is wrong, or there were too"
            + " many attempts from this address (then wait a few minutes)";

    private final UserStore store;
    private final TenantLifecycle lifecycle;
    private final TenantTokens tokens;
    private final SessionRevocation sessions;
    private final PasswordEncoder passwordEncoder;
    private final String unknownUserHash;
    private final SignInLockout lockout;
    private final Duration refreshTtl;
    private final TenantScope scope;
    private final ApplicationEventPublisher events;
    private final TenantAccess access;
    private final TransactionTemplate transactions;

    TenantSignIn(TenantScope scope, TenantAccess access, ApplicationEventPublisher events, UserStore store, TenantLifecycle lifecycle, TenantTokens tokens, SessionRevocation sessions,
                 PasswordEncoder passwordEncoder, SignInLockout lockout, TransactionTemplate transactions,
                 @Value("${iusign.tenant-sign-in.refresh-ttl:14d}") Duration refreshTtl) {
        this.transactions = transactions;
        this.scope = scope;
        this.access = access;
        this.events = events;
        this.store = store;
        this.lifecycle = lifecycle;
        this.tokens = tokens;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
        this.lockout = lockout;
        this.refreshTtl = refreshTtl;
    }

    /** A sign-in that did not come over HTTP (the console, tests): counted under {@link ClientAddress#INTERNAL}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TokenPair signIn(String tenantSlug, String email, String password) {
        return signIn(tenantSlug, email, password, ClientAddress.INTERNAL);
    }

    /**
     * Checks the password and issues a session. An address that is waiting after too many wrong
     * passwords for this account ({@link SignInLockout}) is refused before any password is
     * checked; unknown organizations and e-mails are counted like known ones, so every refusal
     * reads the same. The password check runs between two short transactions, never inside one:
     * under a sign-in spray, requests waiting for a bcrypt slot would otherwise hold the pool's
     * connections that other tenants' requests need.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public TokenPair signIn(String tenantSlug, String email, String password, String source) {
        String normalizedEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        String normalizedSlug = tenantSlug == null ? "" : tenantSlug.strip().toLowerCase(Locale.ROOT);
        String account = "tenant-user:" + normalizedSlug + ":" + normalizedEmail;
        Attempt attempt = transactions.execute(status -> attempt(account, source, normalizedSlug, normalizedEmail));
        String hash = attempt.passwordHash();
        boolean matches = passwordEncoder.matches(password == null ? "" : password, hash == null ? unknownUserHash : hash);
        if (hash == null || !matches) {
            transactions.executeWithoutResult(status -> failed(account, source, attempt));
            throw new SignInRefused(Reason.CREDENTIALS, VAGUE);
        }
        return transactions.execute(status -> succeeded(account, source, attempt.credentials().user()));
    }

    /** What the password is checked against: the tenant and the user's credentials, when both exist. */
    private record Attempt(@Nullable Tenant tenant, UserStore.@Nullable Credentials credentials) {

        @Nullable String passwordHash() {
            return credentials == null ? null : credentials.passwordHash();
        }
    }

    private Attempt attempt(String account, String source, String slug, String email) {
        if (lockout.lockOf(account, source).isPresent()) {
            throw new SignInRefused(Reason.CREDENTIALS, VAGUE);
        }
        Optional<Tenant> tenant = slug.isEmpty() ? Optional.empty() : lifecycle.findBySlug(slug);
        tenant.ifPresent(t -> scope.enter(t.id().value()));
        return new Attempt(tenant.orElse(null), tenant.flatMap(t -> store.credentials(t.id().value(), email)).orElse(null));
    }

    private void failed(String account, String source, Attempt attempt) {
        lockout.failed(account, source, attempt.tenant() == null ? null : attempt.tenant().id().value());
        if (attempt.passwordHash() != null) {
            TenantUser user = attempt.credentials().user();
            events.publishEvent(new TenantSignInFailed(UUID.randomUUID(), user.tenantId(), user.id(), Instant.now()));
        }
    }

    /** The tenant's and the user's status are read again: either may have changed while the password was checked. */
    private TokenPair succeeded(String account, String source, TenantUser checked) {
        scope.enter(checked.tenantId());
        TenantUser user = store.findById(checked.id()).orElseThrow(() -> new SignInRefused(Reason.CREDENTIALS, VAGUE));
        requireAccess(lifecycle.get(new TenantId(user.tenantId())).status(), user.status());
        lockout.succeeded(account, source);
        store.signedIn(user.id());
        events.publishEvent(new TenantUserSignedIn(UUID.randomUUID(), user.tenantId(), user.id(), Instant.now()));
        return issue(user, UUID.randomUUID());
    }

    public TokenPair refresh(String refreshToken) {
        String tokenHash = OpaqueTokens.hash(refreshToken == null ? "" : refreshToken);
        OpaqueTokens.tenantOf(refreshToken).ifPresent(scope::enter);
        UserStore.RefreshRow row = store.lockRefresh(tokenHash)
                .orElseThrow(() -> new SignInRefused(Reason.INVALID_REFRESH_TOKEN, "Unknown refresh token: sign in again"));
        if (row.revokedAt() != null || row.expiresAt().isBefore(Instant.now())) {
            throw new SignInRefused(Reason.INVALID_REFRESH_TOKEN, "This refresh token was revoked or has expired: sign in again");
        }
        if (row.rotatedAt() != null) {
            store.revokeFamily(row.familyId());
            sessions.flushUser(new TenantId(row.tenantId()), row.userId(),
                    Change.of(Actor.system("identity"), "A rotated refresh token was presented again (possible theft)"));
            throw new SignInRefused(Reason.INVALID_REFRESH_TOKEN,
                    "This refresh token was already used; every session of this sign-in was ended: sign in again");
        }
        Tenant tenant = lifecycle.get(new TenantId(row.tenantId()));
        TenantUser user = store.findById(row.userId()).orElseThrow();
        requireAccess(tenant.status(), user.status());
        GateRefusal.Decision session = access.session(row.tenantId(), row.userId(), row.issuedAt());
        if (!session.allowed()) {
            store.revokeFamily(row.familyId());
            throw new SignInRefused(Reason.SESSION_REVOKED, session.detail() + ": sign in again");
        }
        store.markRotated(tokenHash);
        return issue(user, row.familyId());
    }

    private static void requireAccess(TenantStatus tenant, UserStatus user) {
        if (tenant == TenantStatus.SUSPENDED) {
            throw new SignInRefused(Reason.TENANT_SUSPENDED, "Your organization is temporarily suspended; contact its owner or support");
        }
        if (tenant.closed()) {
            throw new SignInRefused(Reason.TENANT_DEACTIVATED, "Your organization was deactivated");
        }
        if (user == UserStatus.LOCKED) {
            throw new SignInRefused(Reason.ACCOUNT_LOCKED, "Your account is locked by an administrator");
        }
        if (user == UserStatus.DISABLED) {
            throw new SignInRefused(Reason.ACCOUNT_DISABLED, "Your account is disabled");
        }
    }

    private TokenPair issue(TenantUser user, UUID familyId) {
        IssuedToken access = tokens.issue(new TenantId(user.tenantId()), user.id(), user.email(), List.of(user.role().name()));
        String refresh = OpaqueTokens.newToken(user.tenantId());
        Instant now = Instant.now();
        store.insertRefresh(OpaqueTokens.hash(refresh), familyId, user.id(), user.tenantId(), now, now.plus(refreshTtl));
        return new TokenPair(access.value(), refresh, Duration.between(access.issuedAt(), access.expiresAt()).toSeconds());
    }
}
