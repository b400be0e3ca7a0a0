package com.iusign.platform.security;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Admin API clients: automation that obtains short-lived SuperAdmin tokens from
 * {@code POST /oauth2/token} with the client-credentials grant. Secrets are stored only as hashes
 * and shown once; a revoked client gets no new token (tokens already issued expire within
 * minutes).
 */
@Service
@Transactional
public class AdminApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    /** Compared against when the client id is unknown, so both answers take the same time. */
    private final String unknownClientHash;

    AdminApiClients(JdbcClient jdbc, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.unknownClientHash = passwordEncoder.encode(randomSecret());
    }

    /**
     * Registers a client with a generated id and secret.
     *
     * @param name      what the client is for, 3-80 characters
     * @param createdBy the SuperAdmin who registers it
     */
    public RegisteredApiClient register(String name, String createdBy) {
        String clientId = "iusign-" + HexFormat.of().formatHex(randomBytes(8));
        String secret = randomSecret();
        return new RegisteredApiClient(insert(clientId, name, secret, createdBy), secret);
    }

    /**
     * Registers a client whose id and secret an operator chose (the bootstrap client of scripts and CI).
     *
     * @throws IllegalArgumentException when the id, name or secret break {@link CredentialRules} or the id is taken
     */
    public AdminApiClient registerWithSecret(String clientId, String name, String secret, String createdBy) {
        CredentialRules.requireClientId(clientId);
        CredentialRules.requireClientSecret(secret);
        return insert(clientId, name, secret, createdBy);
    }

    @Transactional(readOnly = true)
    public Optional<AdminApiClient> find(String clientId) {
        return jdbc.sql(SELECT + " WHERE client_id = :clientId").param("clientId", clientId)
                .query(AdminApiClients::client).optional();
    }

    @Transactional(readOnly = true)
    public List<AdminApiClient> list() {
        return jdbc.sql(SELECT + " ORDER BY revoked_at NULLS FIRST, created_at DESC").query(AdminApiClients::client).list();
    }

    /**
     * The SuperAdmin an actor stands for: a person is itself, an API client whoever registered it
     * (a client registered through the API by another client is recorded as that client's person,
     * so every chain ends at a person). Four-eyes decisions compare these.
     */
    @Transactional(readOnly = true)
    public String personBehind(com.iusign.platform.kernel.Actor actor) {
        if (actor.kind() == com.iusign.platform.kernel.Actor.Kind.API_CLIENT) {
            return find(actor.name()).map(AdminApiClient::createdBy).orElse("api-client:" + actor.name());
        }
        return actor.name();
    }

    /**
     * Revokes a client: it gets no new token from now on.
     *
     * @throws NoSuchElementException when no client has that id
     * @throws IllegalStateException  when it was revoked already
     */
    public AdminApiClient revoke(String clientId, String revokedBy) {
        AdminApiClient client = find(clientId)
                .orElseThrow(() -> new NoSuchElementException("No API client with id " + clientId));
        if (client.isRevoked()) {
            throw new IllegalStateException("The API client " + clientId + " was already revoked on " + client.revokedAt()
                    + " by " + client.revokedBy());
        }
        jdbc.sql("UPDATE admin_api_client SET revoked_at = now(), revoked_by = :by WHERE client_id = :clientId AND revoked_at IS NULL")
                .param("by", revokedBy).param("clientId", clientId).update();
        AdminApiClient revoked = find(clientId).orElseThrow();
        events.publishEvent(new AdminApiClientRevoked(UUID.randomUUID(), clientId, revoked.name(), revokedBy, revoked.revokedAt()));
        return revoked;
    }

    /**
     * Checks a client's credentials.
     *
     * @return the client when the id is known, not revoked and the secret matches; empty otherwise
     */
    public Optional<AdminApiClient> authenticate(String clientId, @Nullable String secret) {
        String hash = jdbc.sql("SELECT secret_hash FROM admin_api_client WHERE client_id = :clientId AND revoked_at IS NULL")
                .param("clientId", clientId).query(String.class).optional().orElse(null);
        boolean matches = passwordEncoder.matches(secret == null ? "" : secret, hash == null ? unknownClientHash : hash);
        if (hash == null || !matches) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE admin_api_client SET last_used_at = now() WHERE client_id = :clientId")
                .param("clientId", clientId).update();
        return find(clientId);
    }

    private AdminApiClient insert(String clientId, String name, String secret, String createdBy) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.length() < 3 || trimmedName.length() > 80) {
            throw new IllegalArgumentException("The API client name must have 3 to 80 characters");
        }
        if (find(clientId).isPresent()) {
            throw new IllegalArgumentException("An API client with id " + clientId + " already exists");
        }
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO admin_api_client (client_id, name, secret_hash, created_by, created_at)
                VALUES (:clientId, :name, :hash, :createdBy, :now)""")
                .param("clientId", clientId)
                .param("name", trimmedName)
                .param("hash", passwordEncoder.encode(secret))
                .param("createdBy", createdBy)
                .param("now", Timestamp.from(now))
                .update();
        events.publishEvent(new AdminApiClientRegistered(UUID.randomUUID(), clientId, trimmedName, createdBy, now));
        return new AdminApiClient(clientId, trimmedName, createdBy, now, null, null, null);
    }

    private static final String SELECT = """
            SELECT client_id, name, created_by, created_at, last_used_at, revoked_at, revoked_by FROM admin_api_client""";

    private static AdminApiClient client(ResultSet row, int rowNumber) throws SQLException {
        return new AdminApiClient(
                row.getString("client_id"),
                row.getString("name"),
                row.getString("created_by"),
                row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("last_used_at")),
                instant(row.getTimestamp("revoked_at")),
                row.getString("revoked_by"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String randomSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
