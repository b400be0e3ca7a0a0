package com.iusign.platform.app;

import com.iusign.platform.fleet.FleetJob;
import com.iusign.platform.fleet.FleetJobs;
import com.iusign.platform.fleet.FleetOutcome;
import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fleet job whose instance died mid-way — its first tenant suspended and committed, the outcome
 * not yet recorded, the heartbeat gone quiet — is claimed and finished by a running instance: the
 * first tenant is found already suspended (skipped, not suspended twice), the second suspended.
 */
@SpringBootTest
class FleetResumeTests {

    private final TenantLifecycle lifecycle;
    private final FleetJobs jobs;
    private final JdbcClient jdbc;

    FleetResumeTests(TenantLifecycle lifecycle, FleetJobs jobs, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Test
    void anOrphanedJobIsResumedWhereItStoppedWithoutApplyingAnyChangeTwice() {
        Tenant done = provision();
        Tenant pending = provision();
        UUID job = UUID.randomUUID();
        String correlation = "fleet-" + job;
        // What a crashed instance leaves behind: the job RUNNING with a heartbeat two minutes old, the first change committed.
        jdbc.sql("""
                INSERT INTO fleet_job (id, action, status, started_by, actor_kind, reason, selection, total, started_at, heartbeat_at)
                VALUES (:id, 'SUSPEND', 'RUNNING', 'crashed@iusign.test', 'SUPERADMIN', 'Incident before the crash', '2 chosen tenants', 2,
                        now() - interval '3 minutes', now() - interval '2 minutes')""").param("id", job).update();
        jdbc.sql("INSERT INTO fleet_job_target (job_id, position, tenant_id, tenant_name) VALUES (:j, 0, :a, :an), (:j, 1, :b, :bn)")
                .param("j", job).param("a", done.id().value()).param("an", done.name()).param("b", pending.id().value())
                .param("bn", pending.name()).update();
        lifecycle.suspend(done.id(), new Change(Actor.superAdmin("crashed@iusign.test"), "Incident before the crash", null, correlation), null);

        await().atMost(Duration.ofSeconds(45)).until(() -> jobs.get(job).map(FleetJob::finished).orElse(false));
        FleetJob finished = jobs.get(job).orElseThrow();
        assertThat(finished.status()).isEqualTo("COMPLETED");
        assertThat(jobs.outcomes(job, 0, 10)).extracting(FleetOutcome::outcome).containsExactly("SKIPPED", "DONE");
        assertThat(lifecycle.get(pending.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(lifecycle.history(done.id()).statusChanges()).filteredOn(entry -> entry.to() == TenantStatus.SUSPENDED)
                .as("the committed change is not applied again").hasSize(1);
        assertThat(lifecycle.history(pending.id()).statusChanges().getFirst().correlationId()).isEqualTo(correlation);
    }

    private Tenant provision() {
        String slug = TestTenants.slug("resume");
        return lifecycle.provision(new ProvisionTenant("Resume " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Fixture"));
    }
}
