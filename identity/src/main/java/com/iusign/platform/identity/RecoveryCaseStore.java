package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code recovery_case}, its timeline and its veto links (row-level secured: every call runs in the tenant's scope). */
@Repository
class RecoveryCaseStore {

    private static final String COLUMNS = """
            c.id, c.tenant_id, c.user_id, u.email, c.situation, c.evidence, c.identity_established, c.ticket, c.opened_by, c.opened_at,
            c.status, c.code_expires_at, c.code_attempts, c.verified_at, c.cooling_off_until, c.closed_at, c.challenge_method,
            c.domain_record, c.domain_value, c.new_contact_email""";
    private static final String FROM = " FROM recovery_case c JOIN tenant_user u ON u.id = c.user_id";

    private final JdbcClient jdbc;

    RecoveryCaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID tenantId, UUID userId, RecoveryCase.Situation situation, String evidence, String established,
                @Nullable String ticket, String openedBy, Instant at) {
        jdbc.sql("""
                INSERT INTO recovery_case (id, tenant_id, user_id, situation, evidence, identity_established, ticket, opened_by, opened_at,
                                           status)
                VALUES (:id, :tenant, :user, :situation, :evidence, :established, :ticket, :by, :at, 'OPEN')""")
                .param("id", id).param("tenant", tenantId).param("user", userId).param("situation", situation.name())
                .param("evidence", evidence).param("established", established).param("ticket", ticket).param("by", openedBy)
                .param("at", Timestamp.from(at)).update();
    }

    Optional<RecoveryCase> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.tenant_id = :tenant AND c.id = :id")
                .param("tenant", tenantId).param("id", id).query(RecoveryCaseStore::recoveryCase).optional();
    }

    /** The case, locked: its steps are serialized (two code entries cannot both take the last attempt). */
    Optional<RecoveryCase> lock(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.tenant_id = :tenant AND c.id = :id FOR UPDATE OF c")
                .param("tenant", tenantId).param("id", id).query(RecoveryCaseStore::recoveryCase).optional();
    }

    List<RecoveryCase> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.tenant_id = :tenant ORDER BY c.opened_at DESC LIMIT 50")
                .param("tenant", tenantId).query(RecoveryCaseStore::recoveryCase).list();
    }

    void challenge(UUID id, byte[] codeHash, Instant expiresAt) {
        jdbc.sql("UPDATE recovery_case SET status = 'CHALLENGED', challenge_method = 'EMAIL_CODE', code_hash = :hash,"
                        + " code_expires_at = :expires, code_attempts = 0 WHERE id = :id")
                .param("hash", codeHash).param("expires", Timestamp.from(expiresAt)).param("id", id).update();
    }

    void domainChallenge(UUID id, String record, String value, String newContact, Instant expiresAt) {
        jdbc.sql("""
                UPDATE recovery_case SET status = 'CHALLENGED', challenge_method = 'DOMAIN_TXT', code_hash = NULL, code_expires_at = :expires,
                                         domain_record = :record, domain_value = :value, new_contact_email = :contact
                 WHERE id = :id""")
                .param("record", record).param("value", value).param("contact", newContact).param("expires", Timestamp.from(expiresAt))
                .param("id", id).update();
    }

    byte @Nullable [] codeHash(UUID id) {
        return jdbc.sql("SELECT code_hash FROM recovery_case WHERE id = :id").param("id", id).query(byte[].class).optional().orElse(null);
    }

    void wrongCode(UUID id) {
        jdbc.sql("UPDATE recovery_case SET code_attempts = code_attempts + 1 WHERE id = :id").param("id", id).update();
    }

    void verified(UUID id, Instant at, Instant coolingOffUntil) {
        jdbc.sql("""
                UPDATE recovery_case SET status = 'VERIFIED', code_hash = NULL, verified_at = :at, cooling_off_until = :until
                 WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("until", Timestamp.from(coolingOffUntil)).param("id", id).update();
    }

    void coolingOffUntil(UUID id, Instant until) {
        jdbc.sql("UPDATE recovery_case SET cooling_off_until = :until WHERE id = :id")
                .param("until", Timestamp.from(until)).param("id", id).update();
    }

    void close(UUID id, RecoveryCase.Status status, Instant at) {
        jdbc.sql("UPDATE recovery_case SET status = :status, code_hash = NULL, closed_at = :at WHERE id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    void step(UUID caseId, UUID tenantId, Instant at, String step, String actor, String detail) {
        jdbc.sql("""
                INSERT INTO recovery_case_step (id, case_id, tenant_id, at, step, actor, detail)
                VALUES (:id, :case, :tenant, :at, :step, :actor, :detail)""")
                .param("id", UUID.randomUUID()).param("case", caseId).param("tenant", tenantId).param("at", Timestamp.from(at))
                .param("step", step).param("actor", actor).param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .update();
    }

    List<RecoveryCase.Step> steps(UUID tenantId, UUID caseId) {
        return jdbc.sql("SELECT at, step, actor, detail FROM recovery_case_step WHERE tenant_id = :tenant AND case_id = :case ORDER BY seq")
                .param("tenant", tenantId).param("case", caseId)
                .query((row, n) -> new RecoveryCase.Step(row.getTimestamp("at").toInstant(), row.getString("step"), row.getString("actor"),
                        row.getString("detail"))).list();
    }

    void insertVeto(String tokenHash, UUID caseId, UUID tenantId, String recipient, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO recovery_veto (token_hash, case_id, tenant_id, recipient, expires_at)
                VALUES (:hash, :case, :tenant, :recipient, :expires)""")
                .param("hash", tokenHash).param("case", caseId).param("tenant", tenantId).param("recipient", recipient)
                .param("expires", Timestamp.from(expiresAt)).update();
    }

    /** Spends a veto link: the case and who vetoed, when the link exists, is unused and unexpired. */
    Optional<Veto> consumeVeto(String tokenHash, Instant now) {
        return jdbc.sql("""
                UPDATE recovery_veto SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING case_id, tenant_id, recipient""")
                .param("hash", tokenHash).param("now", Timestamp.from(now))
                .query((row, n) -> new Veto(row.getObject("case_id", UUID.class), row.getObject("tenant_id", UUID.class),
                        row.getString("recipient"))).optional();
    }

    record Veto(UUID caseId, UUID tenantId, String recipient) {
    }

    private static RecoveryCase recoveryCase(ResultSet row, int n) throws SQLException {
        return new RecoveryCase(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getObject("user_id", UUID.class),
                row.getString("email"), RecoveryCase.Situation.valueOf(row.getString("situation")), row.getString("evidence"),
                row.getString("identity_established"), row.getString("ticket"), row.getString("opened_by"),
                row.getTimestamp("opened_at").toInstant(), RecoveryCase.Status.valueOf(row.getString("status")),
                instant(row.getTimestamp("code_expires_at")), row.getInt("code_attempts"), instant(row.getTimestamp("verified_at")),
                instant(row.getTimestamp("cooling_off_until")), instant(row.getTimestamp("closed_at")),
                row.getString("challenge_method") == null ? null : RecoveryCase.ChallengeMethod.valueOf(row.getString("challenge_method")),
                row.getString("domain_record"), row.getString("domain_value"), row.getString("new_contact_email"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
