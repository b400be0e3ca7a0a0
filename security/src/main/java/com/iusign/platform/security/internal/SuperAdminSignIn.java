package com.iusign.platform.security.internal;

import com.iusign.platform.security.PlatformAuthorities;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Loads SuperAdmins for form sign-in and keeps the per-account throttle in PostgreSQL, so that
 * every app instance sees the same count and lock.
 */
@Component
class SuperAdminSignIn implements UserDetailsService {

    private final JdbcClient jdbc;
    private final SignInProperties properties;

    SuperAdminSignIn(JdbcClient jdbc, SignInProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username.trim().toLowerCase(Locale.ROOT);
        return jdbc.sql("SELECT email, password_hash, locked_until FROM super_admin WHERE email = :email")
                .param("email", email)
                .query((row, n) -> {
                    Timestamp lockedUntil = row.getTimestamp("locked_until");
                    return User.withUsername(row.getString("email"))
                            .password(row.getString("password_hash"))
                            .accountLocked(lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now()))
                            .roles(PlatformAuthorities.SUPERADMIN)
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No SuperAdmin with that e-mail"));
    }

    @EventListener
    @Transactional
    void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt)) {
            return;
        }
        String email = attempt.getName().trim().toLowerCase(Locale.ROOT);
        // One statement, so that concurrent failures on several instances cannot lose a count:
        // an expired lock starts a fresh series; reaching the limit sets the lock.
        jdbc.sql("""
                UPDATE super_admin
                   SET failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                                              ELSE failed_attempts + 1 END,
                       locked_until = CASE
                           WHEN locked_until IS NOT NULL AND locked_until > now() THEN locked_until
                           WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                                      ELSE failed_attempts + 1 END) >= :maxFailures
                               THEN now() + make_interval(secs => :lockoutSeconds)
                           ELSE NULL END,
                       last_failed_at = now()
                 WHERE email = :email""")
                .param("maxFailures", properties.maxFailures())
                .param("lockoutSeconds", properties.lockout().toSeconds())
                .param("email", email)
                .update();
    }

    @EventListener
    @Transactional
    void onSignedIn(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn)) {
            return;
        }
        jdbc.sql("UPDATE super_admin SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = now() WHERE email = :email")
                .param("email", signedIn.getName().trim().toLowerCase(Locale.ROOT))
                .update();
    }
}
