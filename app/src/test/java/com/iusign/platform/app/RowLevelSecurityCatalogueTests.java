package com.iusign.platform.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table with a {@code tenant_id} column is either tenant data — row-level security enabled
 * and forced, with a policy on the transaction's tenant — or explicitly marked platform-level
 * (a table comment starting {@code platform-level:} that says why). A new tenant table without a
 * policy fails the build here.
 */
@SpringBootTest
class RowLevelSecurityCatalogueTests {

    private final JdbcClient jdbc;

    RowLevelSecurityCatalogueTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TableSecurity(String table, boolean enabled, boolean forced, String policy, String comment) {
    }

    @Test
    void everyTableWithATenantIdIsIsolatedOrDeclaredPlatformLevel() {
        List<TableSecurity> tables = jdbc.sql("""
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       coalesce((SELECT string_agg(pg_get_expr(p.polqual, p.polrelid), ' ') FROM pg_policy p WHERE p.polrelid = c.oid), ''),
                       coalesce(obj_description(c.oid, 'pg_class'), '')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind = 'r'
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                 ORDER BY c.relname""")
                .query((rs, n) -> new TableSecurity(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)))
                .list();
        assertThat(tables).extracting(TableSecurity::table).contains("tenant_user", "refresh_token", "user_activation", "envelope",
                "envelope_document", "recipient", "signing_link", "tenant_data_key");
        for (TableSecurity table : tables) {
            if (table.comment().startsWith("platform-level:")) {
                continue;
            }
            assertThat(table.enabled()).as(table.table() + ": row-level security enabled").isTrue();
            assertThat(table.forced()).as(table.table() + ": row-level security forced").isTrue();
            assertThat(table.policy()).as(table.table() + ": policy on the transaction's tenant")
                    .contains("tenant_id").contains("current_setting('app.tenant_id'");
            assertThat(jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                                    WHERE i.indrelid = CAST(:table AS regclass) AND a.attname = 'tenant_id' AND i.indpred IS NULL)""")
                    .param("table", table.table()).query(Boolean.class).single())
                    .as(table.table() + ": an index leading with tenant_id, without a predicate (the policy and the purge filter by it)").isTrue();
        }
        List<String> platform = tables.stream().filter(t -> t.comment().startsWith("platform-level:")).map(TableSecurity::table).toList();
        assertThat(platform).as("platform-level tables, each justified by its comment").containsExactlyInAnyOrder("approval", "audit_entry", "mail_message",
                "domain_check", "domain_verification", "fleet_job_target", "tenant_flag", "tenant_outreach", "tenant_sign_in_failures",
                "revoked_token", "signing_link_route", "tenant_access", "tenant_active_user", "tenant_manifest", "tenant_manifest_word", "tenant_name_history",
                "tenant_status_history", "tenant_usage", "tenant_usage_daily", "tenant_user_day", "user_access", "tenant_master_key", "legal_hold", "tenant_purge");
    }
}
