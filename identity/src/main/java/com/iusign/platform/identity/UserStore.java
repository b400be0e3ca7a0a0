package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL of the tables this module owns: {@code tenant_user}, {@code user_activation}, {@code refresh_token}. */
@Repository
class UserStore {

    private static final String COLUMNS = """
            id, tenant_id, email, display_name, role, status, password_hash IS NOT NULL AS activated, last_sign_in_at,
            created_at, status_reason, status_changed_by, status_changed_at""";

    record Credentials(TenantUser user, @Nullable String passwordHash) {
    }

    record RefreshRow(UUID familyId, UUID userId, UUID tenantId, Instant issuedAt, Instant expiresAt, @Nullable Instant rotatedAt,
                      @Nullable Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean emailTaken(UUID tenantId, String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenant_user WHERE tenant_id = :tenant AND email = :email)")
                .param("tenant", tenantId).param("email", email).query(Boolean.class).single();
    }

    void insert(UUID id, UUID tenantId, String email, String displayName, UserRole role, Instant now) {
        jdbc.sql("""
                INSERT INTO tenant_user (id, tenant_id, email, display_name, role, status, created_at, updated_at)
                VALUES (:id, :tenant, :email, :name, :role, 'ACTIVE', :now, :now)""")
                .param("id", id).param("tenant", tenantId).param("email", email).param("name", displayName)
                .param("role", role.name()).param("now", Timestamp.from(now)).update();
    }

    Optional<TenantUser> find(UUID tenantId, UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_user WHERE id = :id AND tenant_id = :tenant")
                .param("id", userId).param("tenant", tenantId).query(UserStore::user).optional();
    }

    Optional<Credentials> credentials(UUID tenantId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + ", password_hash FROM tenant_user WHERE tenant_id = :tenant AND email = :email")
                .param("tenant", tenantId).param("email", email)
                .query((row, n) -> new Credentials(user(row, n), row.getString("password_hash")))
                .optional();
    }

    List<TenantUser> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_user WHERE tenant_id = :tenant ORDER BY role = 'OWNER' DESC, email")
                .param("tenant", tenantId).query(UserStore::user).list();
    }

    Map<UserStatus, Long> countByStatus(UUID tenantId) {
        return jdbc.sql("SELECT status, count(*) AS users FROM tenant_user WHERE tenant_id = :tenant GROUP BY status")
                .param("tenant", tenantId)
                .query((row, n) -> Map.entry(UserStatus.valueOf(row.getString("status")), row.getLong("users")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void setStatus(UUID userId, UserStatus status, String reason, String by) {
        jdbc.sql("""
                UPDATE tenant_user SET status = :status, status_reason = :reason, status_changed_by = :by, status_changed_at = now(),
                                       updated_at = now()
                 WHERE id = :id""")
                .param("status", status.name()).param("reason", reason).param("by", by).param("id", userId).update();
    }

    /** Spends every unused activation token of the user (a new one replaces them). */
    void expireActivations(UUID userId) {
        jdbc.sql("UPDATE user_activation SET used_at = now() WHERE user_id = :user AND used_at IS NULL").param("user", userId).update();
    }

    void setRole(UUID userId, UserRole role) {
        jdbc.sql("UPDATE tenant_user SET role = :role, updated_at = now() WHERE id = :id")
                .param("role", role.name()).param("id", userId).update();
    }

    /** The tenant's one owner (a unique index allows no second), locked until the transaction ends. */
    Optional<TenantUser> lockOwner(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_user WHERE tenant_id = :tenant AND role = 'OWNER' FOR UPDATE")
                .param("tenant", tenantId).query(UserStore::user).optional();
    }

    Optional<TenantUser> findByEmail(UUID tenantId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_user WHERE tenant_id = :tenant AND email = :email")
                .param("tenant", tenantId).param("email", email).query(UserStore::user).optional();
    }

    void setEmail(UUID userId, String email) {
        jdbc.sql("UPDATE tenant_user SET email = :email, updated_at = now() WHERE id = :id").param("email", email).param("id", userId).update();
    }

    void setPassword(UUID userId, String hash) {
        jdbc.sql("UPDATE tenant_user SET password_hash = :hash, updated_at = now() WHERE id = :id")
                .param("hash", hash).param("id", userId).update();
    }

    void signedIn(UUID userId) {
        jdbc.sql("UPDATE tenant_user SET last_sign_in_at = now() WHERE id = :id")
                .param("id", userId).update();
    }

    void insertActivation(String tokenHash, UUID tenantId, UUID userId, Instant expiresAt) {
        jdbc.sql("INSERT INTO user_activation (token_hash, tenant_id, user_id, expires_at) VALUES (:hash, :tenant, :user, :expires)")
                .param("tenant", tenantId)
                .param("hash", tokenHash).param("user", userId).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Counted under the transaction's tenant scope (row-level security), so no tenant is named here. */
    UserUsage usage(Instant activeSince) {
        record Totals(int seats, @Nullable Instant last) {
        }
        Totals totals = jdbc.sql("SELECT count(*) FILTER (WHERE status <> 'DISABLED'), max(last_sign_in_at) FROM tenant_user")
                .query((rs, n) -> new Totals(rs.getInt(1), rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant())).single();
        List<UserUsage.ActiveUser> active = jdbc.sql("SELECT id, last_sign_in_at FROM tenant_user WHERE last_sign_in_at >= :since")
                .param("since", Timestamp.from(activeSince))
                .query((rs, n) -> new UserUsage.ActiveUser(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
        return new UserUsage(totals.seats(), active, totals.last());
    }

    /** Serializes seat counting of one tenant across instances until the transaction ends. */
    void lockSeats(UUID tenantId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", "iusign-quota:seats:" + tenantId)
                .query(Object.class).single();
    }

    /** Marks the activation used and returns its user, when it exists, is unused and has not expired. */
    Optional<UUID> consumeActivation(String tokenHash) {
        return jdbc.sql("""
                UPDATE user_activation SET used_at = now()
                 WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
                RETURNING user_id""")
                .param("hash", tokenHash).query(UUID.class).optional();
    }

    Optional<TenantUser> findById(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant_user WHERE id = :id").param("id", userId).query(UserStore::user).optional();
    }

    LiveSessions liveSessions(Instant notBefore) {
        return jdbc.sql("""
                SELECT count(*), count(DISTINCT t.user_id),
                       (SELECT count(*) FROM tenant_user WHERE status = 'ACTIVE' AND password_hash IS NOT NULL)
                  FROM refresh_token t JOIN tenant_user u ON u.id = t.user_id AND u.status = 'ACTIVE'
                 WHERE t.rotated_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now() AND t.issued_at > :notBefore""")
                .param("notBefore", Timestamp.from(notBefore))
                .query((rs, n) -> new LiveSessions(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    void insertRefresh(String tokenHash, UUID familyId, UUID userId, UUID tenantId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_token (token_hash, family_id, user_id, tenant_id, issued_at, expires_at)
                VALUES (:hash, :family, :user, :tenant, :issued, :expires)""")
                .param("hash", tokenHash).param("family", familyId).param("user", userId).param("tenant", tenantId)
                .param("issued", Timestamp.from(issuedAt)).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Locks the refresh token's row, so two concurrent uses of one token cannot both rotate it. */
    Optional<RefreshRow> lockRefresh(String tokenHash) {
        return jdbc.sql("SELECT family_id, user_id, tenant_id, issued_at, expires_at, rotated_at, revoked_at FROM refresh_token WHERE token_hash = :hash FOR UPDATE")
                .param("hash", tokenHash)
                .query((row, n) -> new RefreshRow(row.getObject("family_id", UUID.class), row.getObject("user_id", UUID.class),
                        row.getObject("tenant_id", UUID.class), row.getTimestamp("issued_at").toInstant(),
                        row.getTimestamp("expires_at").toInstant(),
                        instant(row.getTimestamp("rotated_at")), instant(row.getTimestamp("revoked_at"))))
                .optional();
    }

    void markRotated(String tokenHash) {
        jdbc.sql("UPDATE refresh_token SET rotated_at = now() WHERE token_hash = :hash").param("hash", tokenHash).update();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId).update();
    }

    void revokeAllOfUser(UUID userId) {
        jdbc.sql("UPDATE refresh_token SET revoked_at = now() WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId).update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static TenantUser user(ResultSet row, int rowNumber) throws SQLException {
        return new TenantUser(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getString("email"),
                row.getString("display_name"), UserRole.valueOf(row.getString("role")), UserStatus.valueOf(row.getString("status")),
                row.getBoolean("activated"), instant(row.getTimestamp("last_sign_in_at")), row.getTimestamp("created_at").toInstant(),
                row.getString("status_reason"), row.getString("status_changed_by"), instant(row.getTimestamp("status_changed_at")));
    }
}
