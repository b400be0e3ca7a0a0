package com.iusign.platform.inventory;

import com.iusign.platform.telemetry.TenantUsageChanged;
import com.iusign.platform.lifecycle.Plan;
import com.iusign.platform.lifecycle.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** SQL of {@code tenant_manifest}, which this module owns: idempotent upserts, the filters of a search and its capped count. */
@Repository
class ManifestStore {

    static final String COLUMNS = """
            tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status, owner_email, created_at,
            status_changed_at, CASE WHEN usage_month = date_trunc('month', now() AT TIME ZONE 'UTC')::date THEN envelopes_this_month
            ELSE 0 END AS envelopes_this_month, seats_used, seat_limit, monthly_envelope_limit, active_users_30d, last_activity_at""";
    /** Envelopes this month as of now: a count announced in an earlier month is 0 today. */
    static final String MONTH_USED = "(CASE WHEN usage_month = date_trunc('month', now() AT TIME ZONE 'UTC')::date"
            + " THEN envelopes_this_month ELSE 0 END)";
    /** At or above the share {@code :threshold} of the seat or the monthly envelope quota: the manifest filter and the review list alike. */
    static final String AT_SHARE_OF_A_QUOTA = "(seats_used >= :threshold * seat_limit OR " + MONTH_USED
            + " >= :threshold * monthly_envelope_limit)";

    /**
     * The predicates of the partial indexes {@code tenant_manifest_near_quota_by_name} and {@code …over_quota_by_name},
     * word for word so that the planner can use them. A raw count is never below the count that counts (one of an
     * earlier month counts 0 today), so every row at or over {@link ManifestQuery#APPROACHING_SHARE} of a quota,
     * or over it, passes the first, respectively the second.
     */
    static final String NEAR_A_QUOTA = "(seats_used >= 0.8 * seat_limit OR envelopes_this_month >= 0.8 * monthly_envelope_limit)";
    static final String OVER_A_QUOTA = "(seats_used >= seat_limit OR envelopes_this_month >= monthly_envelope_limit)";

    private final JdbcClient jdbc;

    ManifestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    java.util.Map<UUID, String> names(java.util.Collection<UUID> ids) {
        return jdbc.sql("SELECT tenant_id, name FROM tenant_manifest WHERE tenant_id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> java.util.Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Writes the tenant as the lifecycle holds it, with its plan's limits, unless the manifest already has a newer version of it. */
    void upsert(Tenant tenant, Plan plan) {
        jdbc.sql("""
                INSERT INTO tenant_manifest (tenant_id, name, name_folded, slug, custom_domain, plan, subscription_status, status,
                                             owner_email, created_at, status_changed_at, source_version, seat_limit, monthly_envelope_limit)
                VALUES (:id, :name, manifest_fold(:name), :slug, :domain, :plan, :subscription, :status, :owner, :created,
                        :statusChanged, :version, :seatLimit, :monthlyLimit)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    name = excluded.name, name_folded = excluded.name_folded, custom_domain = excluded.custom_domain,
                    plan = excluded.plan, subscription_status = excluded.subscription_status, status = excluded.status,
                    owner_email = excluded.owner_email, created_at = excluded.created_at, status_changed_at = excluded.status_changed_at,
                    source_version = excluded.source_version, seat_limit = excluded.seat_limit,
                    monthly_envelope_limit = excluded.monthly_envelope_limit
                 WHERE tenant_manifest.source_version <= excluded.source_version""")
                .param("id", tenant.id().value()).param("name", tenant.name()).param("slug", tenant.slug())
                .param("domain", tenant.customDomain()).param("plan", tenant.plan())
                .param("subscription", tenant.subscriptionStatus().name()).param("status", tenant.status().name())
                .param("owner", tenant.ownerEmail()).param("created", Timestamp.from(tenant.createdAt()))
                .param("statusChanged", Timestamp.from(tenant.statusChangedAt())).param("version", tenant.version())
                .param("seatLimit", plan.seatLimit()).param("monthlyLimit", plan.monthlyEnvelopeLimit())
                .update();
    }

    /** Sets or clears ({@code reason} null) the tenant's flag, unless a later flag change is already in; false when it has no row. */
    boolean flag(UUID tenantId, @Nullable String reason, Instant at) {
        return jdbc.sql("""
                UPDATE tenant_manifest SET flag_reason = :reason, flag_changed_at = :at
                 WHERE tenant_id = :id AND (flag_changed_at IS NULL OR flag_changed_at <= :at)""")
                .param("id", tenantId).param("reason", reason).param("at", Timestamp.from(at)).update() == 1;
    }

    /** The flag as compliance holds it, for a row that has never heard of a flag change. */
    void flagIfUnknown(UUID tenantId, String reason, Instant at) {
        jdbc.sql("UPDATE tenant_manifest SET flag_reason = :reason, flag_changed_at = :at WHERE tenant_id = :id AND flag_changed_at IS NULL")
                .param("id", tenantId).param("reason", reason).param("at", Timestamp.from(at)).update();
    }

    /** Tenants whose row lacks its plan's limits (written before the manifest took them from the plan). */
    List<UUID> withoutLimits(@Nullable UUID after, int limit) {
        return jdbc.sql("""
                SELECT tenant_id FROM tenant_manifest
                 WHERE seat_limit IS NULL AND (CAST(:after AS uuid) IS NULL OR tenant_id > :after) ORDER BY tenant_id LIMIT :limit""")
                .param("after", after).param("limit", limit).query(UUID.class).list();
    }

    /** Writes the announced usage unless a later announcement is already in; false when the tenant has no row yet. */
    boolean usage(TenantUsageChanged usage) {
        return jdbc.sql("""
                UPDATE tenant_manifest SET envelopes_this_month = :month_count, usage_month = :month, seats_used = :seats,
                       active_users_30d = :active, last_activity_at = :last, envelopes_previous_30_days = :previous30,
                       usage_as_of = :asOf
                 WHERE tenant_id = :id AND (usage_as_of IS NULL OR usage_as_of <= :asOf)""")
                .param("id", usage.tenantId()).param("month_count", usage.envelopesThisMonth()).param("month", usage.month())
                .param("seats", usage.seatsUsed()).param("active", usage.activeUsers30d())
                .param("previous30", usage.envelopesPrevious30Days())
                .param("last", usage.lastActivityAt() == null ? null : Timestamp.from(usage.lastActivityAt()))
                .param("asOf", Timestamp.from(usage.asOf())).update() == 1
                || jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenant_manifest WHERE tenant_id = :id)").param("id", usage.tenantId())
                        .query(Boolean.class).single();
    }

    /**
     * How many tenants pass the filters of {@code query} (its text is {@link ManifestSearch}'s), counting at most
     * {@code cap + 1}: beyond that an exact count over a million rows costs more than it tells. Without any filter
     * the planner's estimate is used.
     */
    long countUpTo(ManifestQuery query, int cap) {
        boolean unfiltered = query.statuses().isEmpty() && query.subscriptions().isEmpty()
                && query.plans().isEmpty() && query.createdFrom() == null && query.createdTo() == null && query.usage().isEmpty()
                && query.inactiveDays() == null;
        if (unfiltered) {
            long estimate = jdbc.sql("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = 'tenant_manifest'")
                    .query(Long.class).optional().orElse(0L);
            if (estimate > cap) {
                return estimate;
            }
        }
        StringBuilder sql = new StringBuilder("SELECT 1 FROM tenant_manifest WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        where(query, sql, params);
        params.put("cap", cap + 1);
        return jdbc.sql("SELECT count(*) FROM (" + sql + " LIMIT :cap) capped").params(params).query(Long.class).single();
    }

    boolean isEmpty() {
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM tenant_manifest)").query(Boolean.class).single();
    }

    /** The filters of {@code query} (not its text) as {@code " AND …"} conditions. */
    static void where(ManifestQuery query, StringBuilder sql, Map<String, Object> params) {
        columns(query, sql, params);
        if (query.createdFrom() != null) {
            sql.append(" AND created_at >= :createdFrom");
            params.put("createdFrom", Timestamp.from(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            sql.append(" AND created_at < :createdTo");
            params.put("createdTo", Timestamp.from(query.createdTo()));
        }
        List<String> usage = new ArrayList<>();
        String over = "(seats_used >= seat_limit OR " + MONTH_USED + " >= monthly_envelope_limit)";
        if (query.usage().contains(ManifestQuery.USAGE_OVER)) {
            usage.add(over);
        }
        if (query.usage().contains(ManifestQuery.USAGE_APPROACHING)) {
            usage.add("(NOT " + over + " AND " + AT_SHARE_OF_A_QUOTA + ")");
            params.put("threshold", ManifestQuery.APPROACHING_SHARE);
        }
        if (!usage.isEmpty()) {
            sql.append(" AND ").append(quotaPredicate(query)).append(" AND (").append(String.join(" OR ", usage)).append(")");
        }
        if (query.inactiveDays() != null) {
            sql.append(" AND coalesce(last_activity_at, created_at) < now() - make_interval(days => :inactiveDays)");
            params.put("inactiveDays", query.inactiveDays());
        }
    }

    /**
     * The status, subscription and plan filters of {@code query} as {@code " AND …"} conditions: the filters that each
     * word of a name carries too (tenant_manifest_word, inventory-014).
     */
    static void columns(ManifestQuery query, StringBuilder sql, Map<String, Object> params) {
        in(sql, params, "status", "statuses", query.statuses());
        in(sql, params, "subscription_status", "subscriptions", query.subscriptions());
        in(sql, params, "plan", "plans", query.plans());
    }

    /** The partial index predicate the usage filters of {@code query} imply; empty without one. */
    static String quotaPredicate(ManifestQuery query) {
        if (query.usage().isEmpty()) {
            return "";
        }
        return query.usage().equals(java.util.Set.of(ManifestQuery.USAGE_OVER)) ? OVER_A_QUOTA : NEAR_A_QUOTA;
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String column, String name, java.util.Set<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ").append(column).append(" IN (:").append(name).append(")");
            params.put(name, List.copyOf(values));
        }
    }

    static ManifestEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new ManifestEntry(row.getObject("tenant_id", UUID.class), row.getString("name"), row.getString("slug"),
                row.getString("plan"), row.getString("subscription_status"), row.getString("status"), row.getString("owner_email"),
                row.getString("custom_domain"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("status_changed_at").toInstant(), row.getInt("envelopes_this_month"), row.getInt("seats_used"),
                row.getObject("seat_limit", Integer.class), row.getObject("monthly_envelope_limit", Integer.class),
                row.getInt("active_users_30d"),
                row.getTimestamp("last_activity_at") == null ? null : row.getTimestamp("last_activity_at").toInstant());
    }
}
