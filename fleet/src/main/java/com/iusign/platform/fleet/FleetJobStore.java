package com.iusign.platform.fleet;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code fleet_job} and {@code fleet_job_target}. */
@Component
class FleetJobStore {

    private static final String JOB = """
            SELECT j.*, coalesce(t.done, 0) AS done, coalesce(t.skipped, 0) AS skipped, coalesce(t.failed, 0) AS failed
              FROM fleet_job j LEFT JOIN LATERAL (
                   SELECT count(*) FILTER (WHERE outcome = 'DONE') AS done, count(*) FILTER (WHERE outcome = 'SKIPPED') AS skipped,
                          count(*) FILTER (WHERE outcome = 'FAILED') AS failed
                     FROM fleet_job_target WHERE job_id = j.id) t ON true
            """;

    private final JdbcClient jdbc;

    FleetJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The job and all its targets in one transaction: a job is never seen without the tenants it reaches. */
    @Transactional
    void insert(UUID id, FleetAction action, Change change, String selection, List<FleetTarget> targets) {
        jdbc.sql("""
                INSERT INTO fleet_job (id, action, status, started_by, actor_kind, reason, ticket, selection, total)
                VALUES (:id, :action, 'RUNNING', :by, :kind, :reason, :ticket, :selection, :total)""")
                .param("id", id).param("action", action.name()).param("by", change.by().name()).param("kind", change.by().kind().name())
                .param("reason", change.reason()).param("ticket", change.ticket()).param("selection", selection)
                .param("total", targets.size()).update();
        for (int from = 0; from < targets.size(); from += 1000) {
            List<FleetTarget> chunk = targets.subList(from, Math.min(targets.size(), from + 1000));
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                values.append(i == 0 ? "" : ",").append("(:job, :p").append(i).append(", :t").append(i).append(", :n").append(i).append(')');
            }
            // One statement per thousand targets: a 10,000-tenant selection is ten round trips, not ten thousand.
            JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO fleet_job_target (job_id, position, tenant_id, tenant_name) VALUES " + values)
                    .param("job", id);
            for (int i = 0; i < chunk.size(); i++) {
                insert = insert.param("p" + i, from + i).param("t" + i, chunk.get(i).tenantId().value()).param("n" + i, chunk.get(i).name());
            }
            insert.update();
        }
    }

    Optional<FleetJob> job(UUID id) {
        return jdbc.sql(JOB + " WHERE j.id = :id").param("id", id).query(FleetJobStore::job).optional();
    }

    List<FleetJob> recent(int limit) {
        return jdbc.sql(JOB + " ORDER BY j.started_at DESC LIMIT :limit").param("limit", limit).query(FleetJobStore::job).list();
    }

    /** The actor, reason and ticket the job was started with, for the changes it makes on each tenant. */
    Change change(UUID id) {
        return jdbc.sql("SELECT started_by, actor_kind, reason, ticket FROM fleet_job WHERE id = :id").param("id", id)
                .query((rs, n) -> new Change(new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("started_by")),
                        rs.getString("reason"), rs.getString("ticket"), FleetJob.correlationId(id))).single();
    }

    List<FleetOutcome> pending(UUID jobId, int limit) {
        return jdbc.sql("SELECT * FROM fleet_job_target WHERE job_id = :job AND outcome IS NULL ORDER BY position LIMIT :limit")
                .param("job", jobId).param("limit", limit).query(FleetJobStore::outcome).list();
    }

    List<FleetOutcome> outcomes(UUID jobId, int fromPosition, int limit) {
        return jdbc.sql("SELECT * FROM fleet_job_target WHERE job_id = :job AND position >= :from ORDER BY position LIMIT :limit")
                .param("job", jobId).param("from", fromPosition).param("limit", limit).query(FleetJobStore::outcome).list();
    }

    void record(UUID jobId, int position, String outcome, String detail) {
        jdbc.sql("UPDATE fleet_job_target SET outcome = :outcome, detail = :detail, done_at = now() WHERE job_id = :job AND position = :position")
                .param("outcome", outcome).param("detail", detail.length() > 500 ? detail.substring(0, 500) : detail)
                .param("job", jobId).param("position", position).update();
    }

    void heartbeat(UUID jobId) {
        jdbc.sql("UPDATE fleet_job SET heartbeat_at = now() WHERE id = :id").param("id", jobId).update();
    }

    void finish(UUID jobId, String status, @Nullable String error) {
        jdbc.sql("UPDATE fleet_job SET status = :status, finished_at = now(), heartbeat_at = now(), error = :error WHERE id = :id")
                .param("status", status).param("error", error).param("id", jobId).update();
    }

    /** Running jobs whose runner stopped beating (a restart, a crash): the start-up resumes them. */
    List<UUID> orphaned() {
        return jdbc.sql("SELECT id FROM fleet_job WHERE status = 'RUNNING' AND heartbeat_at < now() - interval '1 minute'")
                .query(UUID.class).list();
    }

    /** True for the one instance whose conditional update took the orphaned job over. */
    boolean claim(UUID jobId) {
        return jdbc.sql("UPDATE fleet_job SET heartbeat_at = now() WHERE id = :id AND status = 'RUNNING' AND heartbeat_at < now() - interval '1 minute'")
                .param("id", jobId).update() == 1;
    }

    private static FleetJob job(ResultSet rs, int row) throws SQLException {
        return new FleetJob(rs.getObject("id", UUID.class), FleetAction.valueOf(rs.getString("action")), rs.getString("status"),
                rs.getString("started_by"), rs.getString("reason"), rs.getString("ticket"), rs.getString("selection"), rs.getInt("total"),
                rs.getInt("done"), rs.getInt("skipped"), rs.getInt("failed"), rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("finished_at")), rs.getString("error"));
    }

    private static FleetOutcome outcome(ResultSet rs, int row) throws SQLException {
        return new FleetOutcome(rs.getInt("position"), rs.getObject("tenant_id", UUID.class), rs.getString("tenant_name"),
                rs.getString("outcome"), rs.getString("detail"), instant(rs.getTimestamp("done_at")));
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
