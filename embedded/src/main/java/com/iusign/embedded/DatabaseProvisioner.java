package com.iusign.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Creates the platform database and its two roles on a PostgreSQL server, idempotently:
 * an owner role that runs the Liquibase migrations and owns every table, and an application
 * role for runtime connections that owns nothing and has no {@code BYPASSRLS}, so that
 * row-level security policies always apply to it.
 *
 * <p>Used for the embedded server on every start, and for a real server only when an operator
 * gives administrative credentials ({@code iusign.database.admin-url}); otherwise the DBA runs
 * the equivalent SQL shown in the README.
 */
public final class DatabaseProvisioner {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String adminUrl;
    private final Properties adminCredentials;

    public DatabaseProvisioner(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        this.adminCredentials = new Properties();
        adminCredentials.setProperty("user", adminUser);
        if (adminPassword != null && !adminPassword.isEmpty()) {
            adminCredentials.setProperty("password", adminPassword);
        }
    }

    /**
     * Ensures the database and roles exist with the privileges the platform relies on.
     *
     * @param database      database name
     * @param ownerRole     role that owns the schema objects and runs migrations
     * @param ownerPassword its password, or {@code null} to leave it unchanged (trust authentication)
     * @param appRole       runtime role
     * @param appPassword   its password, or {@code null} to leave it unchanged
     */
    public void provision(String database, String ownerRole, String ownerPassword, String appRole, String appPassword) {
        requireIdentifier("database", database);
        requireIdentifier("owner role", ownerRole);
        requireIdentifier("application role", appRole);
        try (Connection admin = DriverManager.getConnection(adminUrl, adminCredentials);
             Statement sql = admin.createStatement()) {
            ensureRole(sql, ownerRole, ownerPassword, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS");
            ensureRole(sql, appRole, appPassword, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOINHERIT");
            try (var rs = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    sql.execute("CREATE DATABASE " + database + " OWNER " + ownerRole + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + database + "' and its roles at "
                    + adminUrl + ": " + e.getMessage(), e);
        }
        grantRuntimePrivileges(database, ownerRole, appRole);
    }

    private void grantRuntimePrivileges(String database, String ownerRole, String appRole) {
        String databaseUrl = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try (Connection admin = DriverManager.getConnection(databaseUrl, adminCredentials);
             Statement sql = admin.createStatement()) {
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + appRole);
            sql.execute("GRANT USAGE ON SCHEMA public TO " + appRole);
            sql.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + ownerRole);
            // Tables created later by the owner's migrations become usable by the runtime role
            // without every changeset repeating the grants; a module revokes what its table must
            // not allow (the audit trail revokes UPDATE and DELETE).
            sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + ownerRole
                    + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + appRole);
            sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + ownerRole
                    + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + appRole);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the runtime privileges in database '" + database
                    + "': " + e.getMessage(), e);
        }
    }

    private static void ensureRole(Statement sql, String role, String password, String attributes) throws SQLException {
        boolean exists;
        try (var rs = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
            exists = rs.next();
        }
        String passwordClause = password == null || password.isEmpty() ? "" : " PASSWORD " + quoteLiteral(password);
        sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " " + attributes + passwordClause);
    }

    private static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void requireIdentifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("The " + what + " name '" + name
                    + "' is not a plain PostgreSQL identifier (lowercase letters, digits, underscore; at most 63)");
        }
    }
}
