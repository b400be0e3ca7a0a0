package com.iusign.platform.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code owner_assignment} (row-level secured: every call runs in the tenant's scope). */
@Repository
class OwnerAssignmentStore {

    private static final String COLUMNS = """
            id, tenant_id, target_user_id, target_email, previous_owner_id, previous_owner_becomes, approval_id, status, new_owner_id,
            requested_at, closed_at""";

    private final JdbcClient jdbc;

    OwnerAssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OwnerAssignment assignment) {
        jdbc.sql("""
                INSERT INTO owner_assignment (id, tenant_id, target_user_id, target_email, previous_owner_id, previous_owner_becomes,
                                              approval_id, status, requested_at)
                VALUES (:id, :tenant, :target, :email, :previous, :becomes, :approval, 'PENDING', :at)""")
                .param("id", assignment.id()).param("tenant", assignment.tenantId()).param("target", assignment.targetUserId())
                .param("email", assignment.targetEmail()).param("previous", assignment.previousOwnerId())
                .param("becomes", assignment.previousOwnerBecomes().name()).param("approval", assignment.approvalId())
                .param("at", Timestamp.from(assignment.requestedAt())).update();
    }

    Optional<OwnerAssignment> find(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM owner_assignment WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenantId).param("id", id).query(OwnerAssignmentStore::assignment).optional();
    }

    Optional<OwnerAssignment> lock(UUID tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM owner_assignment WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenantId).param("id", id).query(OwnerAssignmentStore::assignment).optional();
    }

    Optional<OwnerAssignment> open(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM owner_assignment WHERE tenant_id = :tenant AND status = 'PENDING'")
                .param("tenant", tenantId).query(OwnerAssignmentStore::assignment).optional();
    }

    List<OwnerAssignment> list(UUID tenantId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM owner_assignment WHERE tenant_id = :tenant ORDER BY requested_at DESC LIMIT 50")
                .param("tenant", tenantId).query(OwnerAssignmentStore::assignment).list();
    }

    void close(UUID id, OwnerAssignment.Status status, @Nullable UUID newOwnerId, Instant at) {
        jdbc.sql("UPDATE owner_assignment SET status = :status, new_owner_id = :owner, closed_at = :at WHERE id = :id")
                .param("status", status.name()).param("owner", newOwnerId).param("at", Timestamp.from(at)).param("id", id).update();
    }

    private static OwnerAssignment assignment(ResultSet row, int n) throws SQLException {
        return new OwnerAssignment(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                row.getObject("target_user_id", UUID.class), row.getString("target_email"), row.getObject("previous_owner_id", UUID.class),
                OwnerAssignment.PreviousOwner.valueOf(row.getString("previous_owner_becomes")), row.getObject("approval_id", UUID.class),
                OwnerAssignment.Status.valueOf(row.getString("status")), row.getObject("new_owner_id", UUID.class),
                row.getTimestamp("requested_at").toInstant(),
                row.getTimestamp("closed_at") == null ? null : row.getTimestamp("closed_at").toInstant());
    }
}
