package com.iusign.platform.telemetry;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ApplicationModuleTest(extraIncludes = {"lifecycle", "security", "mail", "domains", "identity", "signing"})
class ResyncJobsTests {

    private final TenantLifecycle lifecycle;
    private final ResyncJobs jobs;
    private final TenantTelemetry telemetry;
    private final JdbcClient jdbc;

    ResyncJobsTests(TenantLifecycle lifecycle, ResyncJobs jobs, TenantTelemetry telemetry, JdbcClient jdbc) {
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.telemetry = telemetry;
        this.jdbc = jdbc;
    }

    @Test
    void theAllTenantJobRecountsEveryTenantAndCountsTheOnesThatHadDrifted() {
        String slug = TestTenants.slug("job");
        TenantId drifted = lifecycle.provision(new ProvisionTenant("Job " + slug, slug, "starter", "o@" + slug + ".test", null),
                Change.of(Actor.system("test"), "Job test")).id();
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("SELECT count(*) FROM tenant_usage WHERE tenant_id = :t")
                .param("t", drifted.value()).query(Integer.class).single() == 1);
        jdbc.sql("UPDATE tenant_usage SET envelopes_total = 12, seats_used = 9 WHERE tenant_id = :t").param("t", drifted.value()).update();

        ResyncJob started = jobs.start("admin@iusign.test");
        assertThat(started.total()).isEqualTo(lifecycle.countTenants());

        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.get(started.id()).orElseThrow().status().equals("COMPLETED"));
        ResyncJob done = jobs.get(started.id()).orElseThrow();
        assertThat(done.processed()).isEqualTo(done.total());
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.correctedTenants()).isGreaterThanOrEqualTo(1);
        assertThat(telemetry.snapshot(drifted).envelopesTotal()).isZero();
        assertThat(telemetry.snapshot(drifted).seatsUsed()).isEqualTo(1);
        assertThat(jobs.latest()).hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(started.id()));
    }
}
