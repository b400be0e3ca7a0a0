package com.iusign.platform.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the runtime connections would bypass row-level security: a superuser, a
 * role with {@code BYPASSRLS}, or a role that owns tables (owners skip RLS unless it is forced,
 * and could drop the audit trail's protections). Failing here is kinder than a silent leak later.
 */
@Component
class RuntimeRoleGuard implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGuard.class);

    private final JdbcClient jdbc;

    RuntimeRoleGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        RuntimeRole role = jdbc.sql("""
                SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypass_rls,
                       (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p')) AS owned_tables
                  FROM pg_roles r WHERE r.rolname = current_user""")
                .query((row, n) -> new RuntimeRole(row.getString("name"), row.getBoolean("superuser"),
                        row.getBoolean("bypass_rls"), row.getLong("owned_tables")))
                .single();
        String problem = role.problem();
        if (problem != null) {
            throw new IllegalStateException("The database role '" + role.name() + "' of spring.datasource.username " + problem
                    + ". Connect the application as a role that owns no table and has neither SUPERUSER nor BYPASSRLS,"
                    + " and run migrations as the owner role with spring.liquibase.user (see README, 'Real servers').");
        }
        log.info("Runtime database role '{}' owns no table and cannot bypass row-level security", role.name());
    }

    record RuntimeRole(String name, boolean superuser, boolean bypassRls, long ownedTables) {

        String problem() {
            if (superuser) {
                return "is a superuser";
            }
            if (bypassRls) {
                return "has BYPASSRLS";
            }
            if (ownedTables > 0) {
                return "owns " + ownedTables + " table(s)";
            }
            return null;
        }
    }
}
