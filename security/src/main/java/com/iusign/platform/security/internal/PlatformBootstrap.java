package com.iusign.platform.security.internal;

import com.iusign.platform.security.AdminApiClients;
import com.iusign.platform.security.CredentialRules;
import com.iusign.platform.security.SuperAdminAccounts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * First start: creates the first SuperAdmin (from the bootstrap settings, or with a generated
 * password printed once) and the bootstrap admin API client, and makes sure a token signing key
 * exists. The settings are checked before anything is written, in one transaction under an
 * advisory lock, so a bad setting stops the start with nothing created and two instances starting
 * together create one admin.
 */
@Component
@Order(0)
class PlatformBootstrap implements ApplicationRunner {

    static final String DEFAULT_ADMIN_EMAIL = "admin@iusign.local";
    private static final long LOCK_KEY = 0x1051_6000_0002L;
    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final BootstrapProperties properties;
    private final SuperAdminAccounts accounts;
    private final AdminApiClients clients;
    private final PlatformSigningKeys keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    PlatformBootstrap(BootstrapProperties properties, SuperAdminAccounts accounts, AdminApiClients clients,
                      PlatformSigningKeys keys, JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.clients = clients;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        Outcome outcome = bootstrap(properties);
        keys.signingKey();
        if (outcome.generatedPassword() != null) {
            log.warn("""

                    ================================================================
                    First SuperAdmin created: {}
                    Generated password (shown once; keep it in your password manager): {}
                    Set IUSIGN_BOOTSTRAP_ADMIN_EMAIL / IUSIGN_BOOTSTRAP_ADMIN_PASSWORD to choose them.
                    ================================================================""",
                    outcome.adminEmail(), outcome.generatedPassword());
        } else if (outcome.adminEmail() != null) {
            log.info("First SuperAdmin created from IUSIGN_BOOTSTRAP_ADMIN_EMAIL: {}", outcome.adminEmail());
        }
        if (outcome.apiClientId() != null) {
            log.info("Bootstrap admin API client registered: {}", outcome.apiClientId());
        }
    }

    /** Checks the settings, then creates what is missing; all or nothing. */
    Outcome bootstrap(BootstrapProperties settings) {
        Plan plan = plan(settings);
        return transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            String adminEmail = null;
            String generatedPassword = null;
            if (!accounts.anyExists()) {
                adminEmail = plan.adminEmail();
                String password = plan.adminPassword();
                if (password == null) {
                    password = generatedPassword = generatePassword();
                }
                accounts.create(adminEmail, password);
            }
            String apiClientId = null;
            if (plan.apiClientId() != null && clients.find(plan.apiClientId()).isEmpty()) {
                clients.registerWithSecret(plan.apiClientId(), "Bootstrap client (IUSIGN_BOOTSTRAP_API_CLIENT_ID)",
                        plan.apiClientSecret(), "bootstrap");
                apiClientId = plan.apiClientId();
            }
            return new Outcome(adminEmail, generatedPassword, apiClientId);
        });
    }

    static Plan plan(BootstrapProperties settings) {
        String email = settings.admin().email();
        String password = settings.admin().password();
        if (StringUtils.hasText(password) && !StringUtils.hasText(email)) {
            throw new IllegalStateException("IUSIGN_BOOTSTRAP_ADMIN_PASSWORD is set but IUSIGN_BOOTSTRAP_ADMIN_EMAIL is not:"
                    + " set both, or only the e-mail to get a generated password");
        }
        String adminEmail = checked("IUSIGN_BOOTSTRAP_ADMIN_EMAIL",
                () -> CredentialRules.requireEmail(StringUtils.hasText(email) ? email : DEFAULT_ADMIN_EMAIL));
        String adminPassword = null;
        if (password != null && !password.isEmpty()) {
            checked("IUSIGN_BOOTSTRAP_ADMIN_PASSWORD", () -> {
                CredentialRules.requireStrongPassword(password, adminEmail);
                return password;
            });
            adminPassword = password;
        }
        String clientId = settings.api().client().id();
        String clientSecret = settings.api().client().secret();
        if (StringUtils.hasText(clientId) && !StringUtils.hasText(clientSecret)) {
            throw new IllegalStateException("IUSIGN_BOOTSTRAP_API_CLIENT_ID is set but IUSIGN_BOOTSTRAP_API_CLIENT_SECRET is"
                    + " missing: set the secret too (" + CredentialRules.MIN_CLIENT_SECRET_LENGTH + "+ characters), or register"
                    + " clients in the console instead");
        }
        if (StringUtils.hasText(clientSecret) && !StringUtils.hasText(clientId)) {
            throw new IllegalStateException("IUSIGN_BOOTSTRAP_API_CLIENT_SECRET is set but IUSIGN_BOOTSTRAP_API_CLIENT_ID is not");
        }
        if (StringUtils.hasText(clientId)) {
            checked("IUSIGN_BOOTSTRAP_API_CLIENT_ID", () -> {
                CredentialRules.requireClientId(clientId);
                return clientId;
            });
            checked("IUSIGN_BOOTSTRAP_API_CLIENT_SECRET", () -> {
                CredentialRules.requireClientSecret(clientSecret);
                return clientSecret;
            });
        }
        return new Plan(adminEmail, adminPassword, StringUtils.hasText(clientId) ? clientId : null,
                StringUtils.hasText(clientId) ? clientSecret : null);
    }

    private static <T> T checked(String setting, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record Plan(String adminEmail, @Nullable String adminPassword, @Nullable String apiClientId,
                @Nullable String apiClientSecret) {
    }

    record Outcome(@Nullable String adminEmail, @Nullable String generatedPassword, @Nullable String apiClientId) {
    }
}
