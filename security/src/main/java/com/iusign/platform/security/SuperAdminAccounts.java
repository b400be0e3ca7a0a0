package com.iusign.platform.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The SuperAdmin accounts stored in PostgreSQL. Passwords are kept only as adaptive hashes
 * (bcrypt through Spring Security's delegating encoder, so the algorithm can be upgraded on the
 * next sign-in).
 */
@Service
@Transactional
public class SuperAdminAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    SuperAdminAccounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM super_admin)").query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public List<SuperAdminAccount> list() {
        return jdbc.sql("SELECT id, email, created_at, last_sign_in_at FROM super_admin ORDER BY email")
                .query(SuperAdminAccounts::account)
                .list();
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
        jdbc.sql("INSERT INTO super_admin (id, email, password_hash, created_at) VALUES (:id, :email, :hash, :now)")
                .param("id", id)
                .param("email", normalized)
                .param("hash", passwordEncoder.encode(password))
                .param("now", Timestamp.from(now))
                .update();
        return new SuperAdminAccount(id, normalized, now, null);
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
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_sign_in_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
