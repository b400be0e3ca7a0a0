package com.iusign.platform.security.internal;

import com.iusign.platform.security.ClientAddress;
import com.iusign.platform.security.PlatformAuthorities;
import com.iusign.platform.security.SignInLockout;
import com.iusign.platform.security.SuperAdminSignedIn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Loads SuperAdmins for form sign-in, with the lockout per account and client address
 * ({@link SignInLockout}). While the address waits, any e-mail — existing or not — is answered as
 * a locked account before its password is checked, so the answer tells nothing about which
 * accounts exist and costs no bcrypt.
 */
@Component
class SuperAdminSignIn implements UserDetailsService {

    private static final String UNUSABLE_PASSWORD = "{noop}" + UUID.randomUUID();
    private static final String PASSWORD_SIGN_IN =
            "#event.authentication instanceof T(org.springframework.security.authentication.UsernamePasswordAuthenticationToken)";

    private final JdbcClient jdbc;
    private final SignInLockout lockout;
    private final ApplicationEventPublisher events;

    SuperAdminSignIn(JdbcClient jdbc, SignInLockout lockout, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.lockout = lockout;
        this.events = events;
    }

    static String account(String email) {
        return "superadmin:" + email.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username.trim().toLowerCase(Locale.ROOT);
        if (lockout.lockOf(account(email), ClientAddress.current()).isPresent()) {
            return User.withUsername(email).password(UNUSABLE_PASSWORD).accountLocked(true).roles(PlatformAuthorities.SUPERADMIN).build();
        }
        // Invited and disabled accounts are answered exactly like unknown ones: no hint that the e-mail exists.
        return jdbc.sql("SELECT email, password_hash FROM super_admin WHERE email = :email AND status = 'ACTIVE'")
                .param("email", email)
                .query((row, n) -> User.withUsername(row.getString("email"))
                        .password(row.getString("password_hash"))
                        .roles(PlatformAuthorities.SUPERADMIN)
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No SuperAdmin with that e-mail"));
    }

    /**
     * Wrong password or unknown e-mail alike (Spring reports both as bad credentials). The condition
     * is checked before the transaction starts: bearer-token authentications publish these events
     * on every API request too, and must not cost a database connection each.
     */
    @EventListener(condition = PASSWORD_SIGN_IN)
    @Transactional
    void onWrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        String email = event.getAuthentication().getName();
        lockout.failed(account(email), ClientAddress.current(), null);
        jdbc.sql("UPDATE super_admin SET last_failed_at = now() WHERE email = :email")
                .param("email", email.trim().toLowerCase(Locale.ROOT)).update();
    }

    @EventListener(condition = PASSWORD_SIGN_IN)
    @Transactional
    void onSignedIn(AuthenticationSuccessEvent event) {
        String email = event.getAuthentication().getName().trim().toLowerCase(Locale.ROOT);
        String source = ClientAddress.current();
        lockout.succeeded(account(email), source);
        jdbc.sql("UPDATE super_admin SET last_sign_in_at = now() WHERE email = :email").param("email", email).update();
        events.publishEvent(new SuperAdminSignedIn(UUID.randomUUID(), email, source, Instant.now()));
    }
}
