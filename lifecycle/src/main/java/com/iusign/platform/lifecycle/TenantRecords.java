package com.iusign.platform.lifecycle;

import com.iusign.platform.kernel.Change;

import com.iusign.platform.kernel.Actor;

import com.iusign.platform.kernel.TenantId;

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

/** SQL of the tables this module owns: {@code tenant}, {@code plan} and the two history tables. */
@Repository
class TenantRecords {

    private static final String COLUMNS = """
            id, name, slug, plan, subscription_status, status, owner_email, custom_domain,
            created_at, updated_at, status_changed_at, version, purge_after, purged_at""";

    private final JdbcClient jdbc;

    TenantRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single();
    }

    Optional<Tenant> find(TenantId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant WHERE id = :id").param("id", id.value())
                .query(TenantRecords::tenant).optional();
    }

    List<Tenant> after(UUID after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", after).param("limit", limit).query(TenantRecords::tenant).list();
    }

    Optional<Tenant> findBySlug(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant WHERE slug = :slug").param("slug", slug)
                .query(TenantRecords::tenant).optional();
    }

    /** Reads the tenant and locks its row until the transaction ends, so concurrent changes queue up. */
    Optional<Tenant> lock(TenantId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(TenantRecords::tenant).optional();
    }

    boolean nameTaken(String name, @Nullable TenantId except) {
        return exists("lower(name) = lower(:value)", name, except);
    }

    boolean slugTaken(String slug) {
        return exists("slug = :value", slug, null);
    }

    boolean domainTaken(String domain, @Nullable TenantId except) {
        return exists("lower(custom_domain) = lower(:value)", domain, except);
    }

    private boolean exists(String condition, String value, @Nullable TenantId except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenant WHERE " + condition + " AND id <> :except)")
                .param("value", value)
                .param("except", except == null ? new UUID(0, 0) : except.value())
                .query(Boolean.class).single();
    }

    void insert(TenantId id, String name, String slug, String plan, SubscriptionStatus subscription, String ownerEmail,
                @Nullable String customDomain, Instant now) {
        jdbc.sql("""
                INSERT INTO tenant (id, name, slug, plan, subscription_status, status, owner_email, custom_domain,
                                    created_at, updated_at, status_changed_at, version)
                VALUES (:id, :name, :slug, :plan, :subscription, 'ACTIVE', :ownerEmail, :customDomain, :now, :now, :now, 0)""")
                .param("id", id.value()).param("name", name).param("slug", slug).param("plan", plan)
                .param("subscription", subscription.name()).param("ownerEmail", ownerEmail)
                .param("customDomain", customDomain).param("now", Timestamp.from(now))
                .update();
    }

    void updateAttributes(Tenant changed, Instant now) {
        jdbc.sql("""
                UPDATE tenant SET name = :name, plan = :plan, subscription_status = :subscription,
                                  custom_domain = :customDomain, updated_at = :now, version = version + 1
                 WHERE id = :id""")
                .param("name", changed.name()).param("plan", changed.plan())
                .param("subscription", changed.subscriptionStatus().name()).param("customDomain", changed.customDomain())
                .param("now", Timestamp.from(now)).param("id", changed.id().value())
                .update();
    }

    void updateOwner(TenantId id, String ownerEmail, Instant now) {
        jdbc.sql("UPDATE tenant SET owner_email = :owner, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("owner", ownerEmail).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /** The new status with its end-of-life times in one statement (the table's checks tie them to the status). */
    void updateStatus(TenantId id, TenantStatus status, Instant now, @Nullable Instant purgeAfter, @Nullable Instant purgedAt) {
        jdbc.sql("""
                UPDATE tenant SET status = :status, status_changed_at = :now, updated_at = :now, version = version + 1,
                                  purge_after = :purgeAfter, purged_at = :purgedAt
                 WHERE id = :id""")
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id.value())
                .param("purgeAfter", purgeAfter == null ? null : Timestamp.from(purgeAfter))
                .param("purgedAt", purgedAt == null ? null : Timestamp.from(purgedAt))
                .update();
    }

    /**
     * Dates the tenant's creation and provisioning entry at {@code at}; a tenant never changed since
     * has its status and last change dated with it too. The version moves, so a read model's delivery
     * of the tenant as it was before (still under way) cannot overwrite it as it is now.
     */
    void dateProvisioning(TenantId id, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.sql("""
                UPDATE tenant SET created_at = :at,
                       status_changed_at = CASE WHEN EXISTS (SELECT 1 FROM tenant_status_history h WHERE h.tenant_id = tenant.id
                                                              AND h.from_status IS NOT NULL) THEN status_changed_at ELSE :at END,
                       updated_at = CASE WHEN version = 0 THEN :at ELSE updated_at END, version = version + 1
                 WHERE id = :id""").param("at", when).param("id", id.value()).update();
        jdbc.sql("UPDATE tenant_status_history SET changed_at = :at WHERE tenant_id = :id AND from_status IS NULL")
                .param("at", when).param("id", id.value()).update();
    }

    void recordStatus(TenantId id, @Nullable TenantStatus from, TenantStatus to, Change change, Instant at) {
        jdbc.sql("""
                INSERT INTO tenant_status_history (tenant_id, from_status, to_status, actor_kind, actor, reason, ticket,
                                                   correlation_id, changed_at)
                VALUES (:tenantId, :from, :to, :actorKind, :actor, :reason, :ticket, :correlationId, :at)""")
                .param("tenantId", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actorKind", change.by().kind().name()).param("actor", change.by().name())
                .param("reason", change.reason()).param("ticket", change.ticket())
                .param("correlationId", change.correlationId()).param("at", Timestamp.from(at))
                .update();
    }

    void recordRename(TenantId id, String oldName, String newName, Change change, Instant at) {
        jdbc.sql("""
                INSERT INTO tenant_name_history (tenant_id, old_name, new_name, actor_kind, actor, reason, ticket, renamed_at)
                VALUES (:tenantId, :oldName, :newName, :actorKind, :actor, :reason, :ticket, :at)""")
                .param("tenantId", id.value()).param("oldName", oldName).param("newName", newName)
                .param("actorKind", change.by().kind().name()).param("actor", change.by().name())
                .param("reason", change.reason()).param("ticket", change.ticket()).param("at", Timestamp.from(at))
                .update();
    }

    TenantHistory history(TenantId id) {
        List<TenantHistory.StatusEntry> statuses = jdbc.sql("""
                SELECT from_status, to_status, actor_kind, actor, reason, ticket, correlation_id, changed_at
                  FROM tenant_status_history WHERE tenant_id = :id ORDER BY changed_at DESC, id DESC""")
                .param("id", id.value())
                .query((row, n) -> new TenantHistory.StatusEntry(
                        row.getString("from_status") == null ? null : TenantStatus.valueOf(row.getString("from_status")),
                        TenantStatus.valueOf(row.getString("to_status")), actor(row), row.getString("reason"),
                        row.getString("ticket"), row.getString("correlation_id"), row.getTimestamp("changed_at").toInstant()))
                .list();
        List<TenantHistory.NameEntry> names = jdbc.sql("""
                SELECT old_name, new_name, actor_kind, actor, reason, ticket, renamed_at
                  FROM tenant_name_history WHERE tenant_id = :id ORDER BY renamed_at DESC, id DESC""")
                .param("id", id.value())
                .query((row, n) -> new TenantHistory.NameEntry(row.getString("old_name"), row.getString("new_name"),
                        actor(row), row.getString("reason"), row.getString("ticket"), row.getTimestamp("renamed_at").toInstant()))
                .list();
        return new TenantHistory(statuses, names);
    }

    List<Plan> plans() {
        return jdbc.sql("SELECT code, name, seat_limit, monthly_envelope_limit, api_requests_per_second, api_burst FROM plan"
                        + " ORDER BY sort_order, code")
                .query((row, n) -> new Plan(row.getString("code"), row.getString("name"), row.getInt("seat_limit"),
                        row.getInt("monthly_envelope_limit"), row.getInt("api_requests_per_second"), row.getInt("api_burst")))
                .list();
    }

    private static Actor actor(ResultSet row) throws SQLException {
        return new Actor(Actor.Kind.valueOf(row.getString("actor_kind")), row.getString("actor"));
    }

    private static Tenant tenant(ResultSet row, int rowNumber) throws SQLException {
        return new Tenant(
                new TenantId(row.getObject("id", UUID.class)),
                row.getString("name"),
                row.getString("slug"),
                row.getString("plan"),
                SubscriptionStatus.valueOf(row.getString("subscription_status")),
                TenantStatus.valueOf(row.getString("status")),
                row.getString("owner_email"),
                row.getString("custom_domain"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getTimestamp("status_changed_at").toInstant(),
                row.getLong("version"),
                instant(row.getTimestamp("purge_after")),
                instant(row.getTimestamp("purged_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Moves a DEACTIVATED tenant's end of retention. */
    void updatePurgeAfter(TenantId id, Instant purgeAfter, Instant now) {
        jdbc.sql("UPDATE tenant SET purge_after = :purgeAfter, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("purgeAfter", Timestamp.from(purgeAfter)).param("now", Timestamp.from(now)).param("id", id.value()).update();
    }

    /** DEACTIVATED tenants whose retention window ends by {@code until}, soonest first. */
    List<Tenant> purgingBefore(Instant until, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM tenant WHERE status = 'DEACTIVATED' AND purge_after <= :until ORDER BY purge_after LIMIT :limit")
                .param("until", Timestamp.from(until)).param("limit", limit).query(TenantRecords::tenant).list();
    }

    /** DEACTIVATED tenants whose retention window ended by {@code now}, oldest first. */
    List<TenantId> purgeDue(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM tenant WHERE status = 'DEACTIVATED' AND purge_after <= :now ORDER BY purge_after LIMIT :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query((rs, n) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }
}
