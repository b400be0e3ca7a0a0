package com.iusign.platform.signing;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.security.TenantScope;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row-level security keeps each tenant to its own rows, whatever the query forgets and however connections are reused. */
@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity"})
class RowLevelIsolationTests {

    private static final Change CHANGE = Change.of(Actor.superAdmin("admin@iusign.test"), "Isolation test");
    private static final List<String> TENANT_TABLES = List.of("envelope", "envelope_document", "recipient", "signing_link", "tenant_data_key");

    private final TenantLifecycle lifecycle;
    private final Envelopes envelopes;
    private final TenantScope scope;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final UUID user = UUID.randomUUID();
    private TenantId a;
    private TenantId b;
    private Envelope envelopeOfB;

    RowLevelIsolationTests(TenantLifecycle lifecycle, Envelopes envelopes, TenantScope scope, JdbcClient jdbc, Environment environment) {
        this.lifecycle = lifecycle;
        this.envelopes = envelopes;
        this.scope = scope;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @BeforeEach
    void twoTenantsWithData() {
        a = tenant("iso-a");
        b = tenant("iso-b");
        for (TenantId tenant : List.of(a, b)) {
            Envelope envelope = envelopes.create(tenant, user, new NewEnvelope("Envelope of " + tenant.value(), "e.pdf",
                    SamplePdf.withText("isolation"), List.of(new NewEnvelope.NewRecipient("Signer", "signer@example.test"))));
            envelopes.send(tenant, user, envelope.id());
            if (tenant.equals(b)) {
                envelopeOfB = envelope;
            }
        }
    }

    @Test
    void aQueryThatForgetsWhereTenantIdStillSeesOnlyTheScopedTenantsRows() {
        for (String table : TENANT_TABLES) {
            Set<UUID> seen = scope.call(a.value(), () -> Set.copyOf(jdbc.sql("SELECT DISTINCT tenant_id FROM " + table).query(UUID.class).list()));
            assertThat(seen).as(table).containsExactly(a.value());
            assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single()).as(table + " without a scope").isZero();
        }
    }

    @Test
    void writingAnotherTenantsRowIsRefusedByThePolicy() {
        assertThatThrownBy(() -> scope.run(a.value(), () -> jdbc.sql("INSERT INTO envelope (id, tenant_id, title, status, created_by)"
                + " VALUES (:id, :other, 'forged', 'DRAFT', :user)").param("id", UUID.randomUUID()).param("other", b.value())
                .param("user", user).update())).rootCause().hasMessageContaining("violates row-level security policy");
        int changed = scope.call(a.value(), () -> jdbc.sql("UPDATE envelope SET title = 'hijacked' WHERE id = :id")
                .param("id", envelopeOfB.id()).update());
        assertThat(changed).isZero();
        assertThat(envelopes.get(b, envelopeOfB.id()).title()).isEqualTo(envelopeOfB.title());
    }

    @Test
    void anotherTenantsEnvelopeIsNotFoundThroughEveryOperationAndStaysUnchanged() {
        for (Runnable call : List.<Runnable>of(() -> envelopes.get(a, envelopeOfB.id()), () -> envelopes.send(a, user, envelopeOfB.id()),
                () -> envelopes.voidEnvelope(a, user, envelopeOfB.id(), "not mine"))) {
            assertThatExceptionOfType(SigningException.class).isThrownBy(call::run)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(SigningException.Kind.NOT_FOUND));
        }
        assertThat(envelopes.list(a, 100, null).items()).extracting(Envelope::tenantId).containsOnly(a.value());
        assertThat(envelopes.get(b, envelopeOfB.id()).status()).isEqualTo(EnvelopeStatus.SENT);
    }

    @Test
    void tenThousandInterleavedTransactionsOnATwoConnectionPoolNeverSeeTheOtherTenant() throws Exception {
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
            pool.setUsername(environment.getProperty("spring.datasource.username"));
            pool.setPassword(environment.getProperty("spring.datasource.password", ""));
            pool.setMaximumPoolSize(2);
            JdbcClient small = JdbcClient.create(pool);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
            AtomicInteger foreign = new AtomicInteger();
            AtomicInteger leaked = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int worker = 0; worker < 4; worker++) {
                    futures.add(workers.submit(() -> {
                        for (int i = 0; i < 2_500; i++) {
                            UUID tenant = (i + done.get()) % 2 == 0 ? a.value() : b.value();
                            transactions.executeWithoutResult(status -> {
                                small.sql("SELECT set_config('app.tenant_id', :t, true)").param("t", tenant.toString()).query(String.class).single();
                                List<UUID> rows = small.sql("SELECT tenant_id FROM envelope").query(UUID.class).list();
                                foreign.addAndGet((int) rows.stream().filter(id -> !id.equals(tenant)).count());
                                assertThat(rows).isNotEmpty();
                            });
                            // Between transactions the pooled connection must carry no tenant at all.
                            leaked.addAndGet(small.sql("SELECT count(*) FROM envelope").query(Integer.class).single());
                            done.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                workers.shutdownNow();
            }
            assertThat(done.get()).isEqualTo(10_000);
            assertThat(foreign.get()).as("rows of the other tenant seen").isZero();
            assertThat(leaked.get()).as("rows seen outside any tenant transaction").isZero();
        }
    }

    private TenantId tenant(String prefix) {
        String slug = com.iusign.testfixtures.TestTenants.slug(prefix);
        return lifecycle.provision(new ProvisionTenant("Tenant " + slug, slug, "business", "owner@" + slug + ".test", null), CHANGE).id();
    }
}
