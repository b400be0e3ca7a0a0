package com.iusign.platform.audit;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.UpdateTenant;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import com.iusign.platform.security.PlatformSecrets;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.modulith.test.ApplicationModuleTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security"})
class AuditTrailTests {

    private static final Actor BOB = Actor.superAdmin("bob@iusign.test");

    private final AuditTrail trail;
    private final AuditStore store;
    private final TenantLifecycle lifecycle;
    private final JdbcClient runtime;
    private final Environment environment;
    private final PlatformSecrets secrets;
    private final DataSource runtimeConnections;

    AuditTrailTests(AuditTrail trail, AuditStore store, TenantLifecycle lifecycle, JdbcClient runtime, Environment environment,
                    PlatformSecrets secrets, DataSource runtimeConnections) {
        this.secrets = secrets;
        this.runtimeConnections = runtimeConnections;
        this.trail = trail;
        this.store = store;
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.environment = environment;
    }

    @Test
    void everyLifecycleChangeIsAuditedAgainstThePermanentTenantIdNewestFirst() {
        Tenant tenant = provision();
        lifecycle.suspend(tenant.id(), new Change(BOB, "Suspicious bulk sending", "SEC-7", "req-123"), null);
        lifecycle.update(tenant.id(), new UpdateTenant("Renamed " + tenant.slug(), null, null, null, null), Change.of(BOB, "Rebrand"));

        AuditPage page = trail.find(AuditQuery.ofTenant(tenant.id().value(), 10));

        assertThat(page.items()).extracting(AuditEntry::action)
                .containsExactly("tenant.renamed", "tenant.suspended", "tenant.provisioned");
        assertThat(page.items().get(1)).satisfies(suspended -> {
            assertThat(suspended.actor()).isEqualTo("bob@iusign.test");
            assertThat(suspended.actorKind()).isEqualTo("SUPERADMIN");
            assertThat(suspended.reason()).isEqualTo("Suspicious bulk sending");
            assertThat(suspended.ticket()).isEqualTo("SEC-7");
            assertThat(suspended.correlationId()).isEqualTo("req-123");
            assertThat(suspended.before()).containsEntry("status", "ACTIVE");
            assertThat(suspended.after()).containsEntry("status", "SUSPENDED");
        });
        assertThat(page.items().getFirst().before()).containsEntry("name", tenant.name());
    }

    @Test
    void theRuntimeRoleCannotAlterOrRemoveEntries() {
        provision();

        assertThatThrownBy(() -> runtime.sql("UPDATE audit_entry SET reason = 'nothing happened'").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("DELETE FROM audit_entry").update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("TRUNCATE audit_entry").update())
                .rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void theOwnerRoleIsStoppedByTheTriggerToo() throws Exception {
        provision();
        try (Connection owner = ownerConnection()) {
            owner.setAutoCommit(false);
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("UPDATE audit_entry SET reason = 'rewritten'"))
                    .hasMessageContaining("append-only");
            owner.rollback();
        }
    }

    @Test
    void theHashChainVerifiesAndATamperedEntryIsFound() throws Exception {
        Tenant tenant = provision();
        lifecycle.suspend(tenant.id(), Change.of(BOB, "Chain check"), null);
        assertThat(trail.firstBrokenLink()).isNull();

        long target = trail.find(AuditQuery.ofTenant(tenant.id().value(), 1)).items().getFirst().id();
        try (Connection owner = ownerConnection()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
            owner.createStatement().executeUpdate("UPDATE audit_entry SET reason = 'nothing to see' WHERE id = " + target);
            AuditStore tamperedView = new AuditStore(JdbcClient.create(new SingleConnectionDataSource(owner, true)), secrets);

            assertThat(tamperedView.firstBrokenLink()).isEqualTo(target);
            owner.rollback();
        }
        assertThat(trail.firstBrokenLink()).isNull();
    }

    @Test
    void anEntryTheRuntimeRoleInsertsWithAValidPlainHashIsNamedAsForged() throws Exception {
        Tenant tenant = provision();
        assertThat(trail.firstBrokenLink()).isNull();
        try (Connection connection = runtimeConnections.getConnection()) {
            connection.setAutoCommit(false);
            JdbcClient attacker = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            String previous = attacker.sql("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1").query(String.class).single();
            Instant backdated = Instant.parse("2026-01-05T09:00:00Z");
            String content = AuditChain.content(previous, tenant.id().value(), backdated, "SUPERADMIN", "ceo@iusign.test",
                    "tenant.reactivated", "Approved by phone", null, "{}", "{}", "forged");
            for (String chain : new String[] {"sha256", "hmac-sha256"}) {
                long forged = attacker.sql("""
                        INSERT INTO audit_entry (source_id, tenant_id, occurred_at, actor_kind, actor, action, reason, before_values,
                                                 after_values, correlation_id, previous_hash, hash, chain)
                        VALUES (:source, :tenant, :at, 'SUPERADMIN', 'ceo@iusign.test', 'tenant.reactivated', 'Approved by phone',
                                '{}', '{}', 'forged', :previous, :hash, :chain) RETURNING id""")
                        .param("source", UUID.randomUUID()).param("tenant", tenant.id().value())
                        .param("at", java.sql.Timestamp.from(backdated)).param("previous", previous)
                        .param("hash", AuditChain.legacyLink(content)).param("chain", chain)
                        .query(Long.class).single();

                assertThat(new AuditStore(attacker, secrets).firstBrokenLink()).as(chain).isEqualTo(forged);
                connection.rollback();
            }
        }
        assertThat(trail.firstBrokenLink()).isNull();
    }

    @Test
    void appendingTheSameEventTwiceWritesOneEntry() {
        UUID source = UUID.randomUUID();
        UUID tenant = UUID.randomUUID();
        AuditRecord record = new AuditRecord(source, tenant, Instant.now(), "SYSTEM", "test", "test.redelivered", "Redelivery",
                null, Map.of(), Map.of("k", "v"), "corr");

        runInTransaction(() -> store.append(record));
        runInTransaction(() -> store.append(record));

        assertThat(trail.find(AuditQuery.ofTenant(tenant, 10)).items()).hasSize(1);
    }

    @Test
    void pagesFollowTheCursorAndFilterByActionAndActor() {
        Tenant tenant = provision();
        for (int i = 0; i < 3; i++) {
            lifecycle.suspend(tenant.id(), Change.of(BOB, "Round " + i), null);
            lifecycle.reactivate(tenant.id(), Change.of(Actor.apiClient("ci-bot"), "Round " + i), null);
        }
        UUID id = tenant.id().value();

        AuditPage first = trail.find(new AuditQuery(id, null, null, null, 4));
        AuditPage second = trail.find(new AuditQuery(id, null, null, first.nextCursor(), 4));

        assertThat(first.items()).hasSize(4);
        assertThat(second.items()).hasSize(3);
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().getLast().id()).isGreaterThan(second.items().getFirst().id());
        assertThat(trail.find(new AuditQuery(id, "tenant.reactivated", null, null, 50)).items()).hasSize(3)
                .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("ci-bot"));
        assertThat(trail.find(new AuditQuery(id, null, "BOB@iusign.test", null, 50)).items()).hasSize(4);
    }

    private void runInTransaction(Runnable work) {
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.support.JdbcTransactionManager(dataSource())).executeWithoutResult(status -> work.run());
    }

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    private javax.sql.DataSource dataSource() {
        return dataSource;
    }

    private Connection ownerConnection() throws Exception {
        return DriverManager.getConnection(
                environment.getProperty("spring.liquibase.url", environment.getProperty("spring.datasource.url")),
                environment.getProperty("spring.liquibase.user"), environment.getProperty("spring.liquibase.password", ""));
    }

    private Tenant provision() {
        String slug = TestTenants.slug("audit");
        return lifecycle.provision(new ProvisionTenant("Audited " + slug, slug, "starter", "owner@" + slug + ".test", null),
                Change.of(BOB, "Audit test fixture"));
    }
}
