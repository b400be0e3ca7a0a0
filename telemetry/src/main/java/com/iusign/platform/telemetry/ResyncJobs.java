package com.iusign.platform.telemetry;

import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-sync of every tenant as a background job: it walks the tenants by id in pages, recounts each
 * (its own transaction, see {@link TenantTelemetry#resync}), and records progress and the last
 * tenant done after every page. At most one job runs (a unique index); asking again returns the
 * running one. A job whose runner stopped (restart, crash) — no heartbeat for a minute — is resumed
 * at start-up from its cursor. Per tenant rather than one set-based statement: tenant rows are
 * row-level secured, and each recount is an index scan of that tenant's entries.
 */
@Service
public class ResyncJobs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ResyncJobs.class);
    private static final int PAGE = 200;

    private final JdbcClient jdbc;
    private final TenantLifecycle lifecycle;
    private final TenantTelemetry telemetry;

    ResyncJobs(JdbcClient jdbc, TenantLifecycle lifecycle, TenantTelemetry telemetry) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.telemetry = telemetry;
    }

    /** Starts a job, or returns the one already running. */
    public ResyncJob start(String startedBy) {
        Optional<ResyncJob> running = running();
        if (running.isPresent()) {
            return running.get();
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("INSERT INTO telemetry_resync_job (id, status, started_by, total) VALUES (:id, 'RUNNING', :by, :total)")
                    .param("id", id).param("by", startedBy).param("total", lifecycle.countTenants()).update();
        } catch (DuplicateKeyException e) {
            return running().orElseThrow(() -> e);
        }
        launch(id, null);
        return get(id).orElseThrow();
    }

    public Optional<ResyncJob> get(UUID jobId) {
        return jdbc.sql("SELECT * FROM telemetry_resync_job WHERE id = :id").param("id", jobId).query(ResyncJobs::job).optional();
    }

    public Optional<ResyncJob> latest() {
        return jdbc.sql("SELECT * FROM telemetry_resync_job ORDER BY started_at DESC LIMIT 1").query(ResyncJobs::job).optional();
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("SELECT id, after_tenant FROM telemetry_resync_job WHERE status = 'RUNNING' AND heartbeat_at < now() - interval '1 minute'")
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    log.info("Resuming telemetry re-sync job {} after an interruption", id);
                    launch(id, rs.getObject(2, UUID.class));
                    return id;
                }).list();
    }

    private Optional<ResyncJob> running() {
        return jdbc.sql("SELECT * FROM telemetry_resync_job WHERE status = 'RUNNING'").query(ResyncJobs::job).optional();
    }

    private void launch(UUID jobId, @Nullable UUID resumeAfter) {
        Thread.ofVirtual().name("telemetry-resync-" + jobId).start(() -> {
            try {
                TenantId after = resumeAfter == null ? null : new TenantId(resumeAfter);
                List<Tenant> page;
                do {
                    page = lifecycle.tenantsAfter(after, PAGE);
                    long corrected = 0;
                    for (Tenant tenant : page) {
                        if (!telemetry.resync(tenant.id()).corrected().isEmpty()) {
                            corrected++;
                        }
                    }
                    if (!page.isEmpty()) {
                        after = page.getLast().id();
                        jdbc.sql("""
                                UPDATE telemetry_resync_job SET processed = processed + :n, corrected_tenants = corrected_tenants + :c,
                                       after_tenant = :after, heartbeat_at = now() WHERE id = :id""")
                                .param("n", page.size()).param("c", corrected).param("after", after.value()).param("id", jobId).update();
                    }
                } while (page.size() == PAGE);
                jdbc.sql("UPDATE telemetry_resync_job SET status = 'COMPLETED', finished_at = now(), heartbeat_at = now() WHERE id = :id")
                        .param("id", jobId).update();
            } catch (RuntimeException e) {
                log.error("Telemetry re-sync job {} failed", jobId, e);
                jdbc.sql("UPDATE telemetry_resync_job SET status = 'FAILED', finished_at = now(), error = :error WHERE id = :id")
                        .param("error", String.valueOf(e.getMessage())).param("id", jobId).update();
            }
        });
    }

    private static ResyncJob job(ResultSet rs, int row) throws SQLException {
        return new ResyncJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                rs.getLong("total"), rs.getLong("processed"), rs.getLong("corrected_tenants"), rs.getString("error"));
    }
}
