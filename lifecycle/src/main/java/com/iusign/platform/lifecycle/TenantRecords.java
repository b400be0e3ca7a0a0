package com.iusign.platform.lifecycle;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** Reads of the {@code tenant} table, which this module owns. */
@Repository
class TenantRecords {

    private final JdbcClient jdbc;

    TenantRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single();
    }

    List<TenantSummary> firstByName(int limit) {
        return jdbc.sql("SELECT id, name, slug, plan, status, created_at FROM tenant ORDER BY lower(name), id LIMIT :limit")
                .param("limit", limit)
                .query(TenantRecords::summary)
                .list();
    }

    private static TenantSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new TenantSummary(
                new TenantId(row.getObject("id", UUID.class)),
                row.getString("name"),
                row.getString("slug"),
                row.getString("plan"),
                TenantStatus.valueOf(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }
}
