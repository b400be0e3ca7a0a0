package com.iusign.platform.security;

import com.iusign.platform.kernel.Change;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.InvalidInput;
import com.iusign.platform.kernel.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SuperAdmin accounts stored in PostgreSQL. Passwords are kept only as adaptive hashes
 * (bcrypt through Spring Security's delegating encoder, so the algorithm can be upgraded on the
 * next sign-in). SuperAdmins invite SuperAdmins: an invitation is a one-time token (stored as
 * SHA-256, valid {@value #INVITATION_HOURS} h) with which the invitee sets a password. Disabling
 * an account ends its sign-in and its console sessions; the last active SuperAdmin cannot be
 * disabled (serialized, so two SuperAdmins disabling each other cannot both succeed).
 */
@Service
@Transactional
public class SuperAdminAccounts {

    public static final int INVITATION_HOURS = 72;
    /** Invitation tokens start with this, so the activation page tells them from a tenant user's. */
    public static final String INVITATION_PREFIX = "sa.";
    private static final String COLUMNS = "id, email, status, created_at, last_sign_in_at, invited_by, status_changed_at";
    private static final long STATUS_LOCK = 0x1051_6000_0012L;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SuperAdminAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM super_admin)").query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public List<SuperAdminAccount> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM super_admin ORDER BY status = 'DISABLED', email")
                .query(SuperAdminAccounts::account)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<SuperAdminAccount> find(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM super_admin WHERE email = :email")
                .param("email", email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT))
                .query(SuperAdminAccounts::account).optional();
    }

    /** Whether the account may act now: it exists and is active. Asked on every console request. */
    @Transactional(readOnly = true)
    public boolean isActive(String email) {
        return find(email).map(account -> account.status() == SuperAdminStatus.ACTIVE).orElse(false);
    }

    /**
     * Invites a SuperAdmin by e-mail. The caller delivers the token (a link) to that address.
     *
     * @throws InvalidInput when the e-mail is not valid
     * @throws Conflict     when the e-mail already belongs to a SuperAdmin
     */
    public InvitedSuperAdmin invite(String email, Change change) {
        String normalized;
        try {
            normalized = CredentialRules.requireEmail(email);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("email", e.getMessage()));
        }
        if (find(normalized).isPresent()) {
            throw new Conflict("email", "A SuperAdmin with the e-mail " + normalized + " exists already");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO super_admin (id, email, status, invited_by, created_at, status_changed_at)
                VALUES (:id, :email, 'INVITED', :by, :now, :now)""")
                .param("id", id).param("email", normalized).param("by", change.by().name()).param("now", Timestamp.from(now)).update();
        String token = INVITATION_PREFIX + OpaqueTokens.newToken();
        Instant expiresAt = now.plus(Duration.ofHours(INVITATION_HOURS));
        jdbc.sql("INSERT INTO super_admin_invitation (token_hash, admin_id, expires_at) VALUES (:hash, :id, :expires)")
                .param("hash", OpaqueTokens.hash(token)).param("id", id).param("expires", Timestamp.from(expiresAt)).update();
        events.publishEvent(new SuperAdminInvited(UUID.randomUUID(), id, normalized, expiresAt, change, now));
        return new InvitedSuperAdmin(find(normalized).orElseThrow(), token, expiresAt);
    }

    /**
     * The invitee sets a password with the invitation's one-time token. The same answer for an
     * unknown, used or expired token.
     *
     * @throws InvalidInput when the token is not usable or the password is weak
     */
    public SuperAdminAccount activate(String token, String password) {
        UUID id = jdbc.sql("""
                UPDATE super_admin_invitation SET used_at = :now
                 WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING admin_id""")
                .param("hash", OpaqueTokens.hash(token == null ? "" : token)).param("now", Timestamp.from(clock.instant()))
                .query(UUID.class).optional()
                .orElseThrow(() -> new InvalidInput(Map.of("token",
                        "This invitation link is unknown, was used already or has expired: ask a SuperAdmin for a new one")));
        SuperAdminAccount account = byId(id);
        if (account.status() != SuperAdminStatus.INVITED) {
            throw new InvalidInput(Map.of("token", "This invitation link is unknown, was used already or has expired: ask a SuperAdmin for a new one"));
        }
        try {
            CredentialRules.requireStrongPassword(password, account.email());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Map.of("password", e.getMessage()));
        }
        jdbc.sql("UPDATE super_admin SET password_hash = :hash, status = 'ACTIVE', status_changed_at = :now WHERE id = :id")
                .param("hash", passwordEncoder.encode(password)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        events.publishEvent(new SuperAdminStatusChanged(UUID.randomUUID(), id, account.email(), SuperAdminStatus.INVITED,
                SuperAdminStatus.ACTIVE, Change.of(com.iusign.platform.kernel.Actor.superAdmin(account.email()), "Accepted the invitation"),
                clock.instant()));
        return byId(id);
    }

    /**
     * Disables an account: no sign-in, and its open console sessions end on their next request.
     *
     * @throws Conflict when it is the last active SuperAdmin, or already disabled
     */
    public SuperAdminAccount disable(UUID id, Change change) {
        return setStatus(id, SuperAdminStatus.DISABLED, change);
    }

    /** Re-enables a disabled account (an invitation not yet accepted goes back to INVITED). */
    public SuperAdminAccount enable(UUID id, Change change) {
        return setStatus(id, SuperAdminStatus.ACTIVE, change);
    }

    private SuperAdminAccount setStatus(UUID id, SuperAdminStatus target, Change change) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", STATUS_LOCK).query(Object.class).single();
        SuperAdminAccount account = byId(id);
        boolean hasPassword = jdbc.sql("SELECT password_hash IS NOT NULL FROM super_admin WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
        SuperAdminStatus to = target == SuperAdminStatus.ACTIVE && !hasPassword ? SuperAdminStatus.INVITED : target;
        if (account.status() == to) {
            throw new Conflict("status", account.email() + " is already " + to.name().toLowerCase());
        }
        if (target == SuperAdminStatus.DISABLED && account.status() == SuperAdminStatus.ACTIVE) {
            long othersActive = jdbc.sql("SELECT count(*) FROM super_admin WHERE status = 'ACTIVE' AND id <> :id").param("id", id)
                    .query(Long.class).single();
            if (othersActive == 0) {
                throw new Conflict("status", account.email() + " is the last active SuperAdmin: invite another before disabling it");
            }
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE super_admin SET status = :status, status_changed_at = :now WHERE id = :id")
                .param("status", to.name()).param("now", Timestamp.from(now)).param("id", id).update();
        events.publishEvent(new SuperAdminStatusChanged(UUID.randomUUID(), id, account.email(), account.status(), to, change, now));
        return byId(id);
    }

    private SuperAdminAccount byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM super_admin WHERE id = :id").param("id", id)
                .query(SuperAdminAccounts::account).optional()
                .orElseThrow(() -> new NotFound("No SuperAdmin with id " + id));
    }

    /**
     * Creates a SuperAdmin.
     *
     * @throws IllegalArgumentException when the e-mail is not valid, is taken, or the password
     *                                  breaks {@link CredentialRules#requireStrongPassword}
     */
    public SuperAdminAccount create(String email, String password) {
        String normalized = CredentialRules.requireEmail(email);
        CredentialRules.requireStrongPassword(password, normalized);
        boolean taken = jdbc.sql("SELECT EXISTS (SELECT 1 FROM super_admin WHERE email = :email)")
                .param("email", normalized).query(Boolean.class).single();
        if (taken) {
            throw new IllegalArgumentException("A SuperAdmin with the e-mail " + normalized + " already exists");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO super_admin (id, email, password_hash, created_at, status_changed_at) VALUES (:id, :email, :hash, :now, :now)")
                .param("id", id)
                .param("email", normalized)
                .param("hash", passwordEncoder.encode(password))
                .param("now", Timestamp.from(now))
                .update();
        return new SuperAdminAccount(id, normalized, SuperAdminStatus.ACTIVE, now, null, null, now);
    }


    /**
     * Changes a SuperAdmin's own password after checking the current one.
     *
     * @throws WrongCurrentPassword     when the current password is wrong
     * @throws IllegalArgumentException when the new password breaks
     *                                  {@link CredentialRules#requireStrongPassword} or equals the current one
     */
    public void changePassword(String email, String currentPassword, String newPassword) {
        String normalized = CredentialRules.requireEmail(email);
        String hash = jdbc.sql("SELECT password_hash FROM super_admin WHERE email = :email FOR UPDATE")
                .param("email", normalized).query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("No SuperAdmin with the e-mail " + normalized));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new WrongCurrentPassword();
        }
        CredentialRules.requireStrongPassword(newPassword, normalized);
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("The new password must differ from the current one");
        }
        jdbc.sql("UPDATE super_admin SET password_hash = :hash WHERE email = :email")
                .param("hash", passwordEncoder.encode(newPassword)).param("email", normalized).update();
        events.publishEvent(new SuperAdminPasswordChanged(UUID.randomUUID(), normalized, Instant.now()));
    }

    private static SuperAdminAccount account(ResultSet row, int rowNumber) throws SQLException {
        return new SuperAdminAccount(
                row.getObject("id", UUID.class),
                row.getString("email"),
                SuperAdminStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_sign_in_at")),
                row.getString("invited_by"),
                instant(row.getTimestamp("status_changed_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
