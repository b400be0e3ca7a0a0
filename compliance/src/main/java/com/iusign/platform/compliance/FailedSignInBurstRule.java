package com.iusign.platform.compliance;

import com.iusign.platform.identity.TenantSignInFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * The failed sign-in rule: at least {@value #MINIMUM} wrong passwords for a tenant's existing
 * users within one UTC hour, and at least {@value #FACTOR} times the tenant's hourly average over
 * the previous 7 days, flag the tenant (credential stuffing against its users). Each wrong
 * password is counted once however often its event is delivered ({@code compliance_applied}).
 */
@Component
class FailedSignInBurstRule {

    static final int MINIMUM = 100;
    static final int FACTOR = 10;

    private final JdbcClient jdbc;
    private final TenantFlags flags;

    FailedSignInBurstRule(JdbcClient jdbc, TenantFlags flags) {
        this.jdbc = jdbc;
        this.flags = flags;
    }

    @ApplicationModuleListener
    void on(TenantSignInFailed event) {
        int first = jdbc.sql("INSERT INTO compliance_applied (fact_key) VALUES (:key) ON CONFLICT DO NOTHING")
                .param("key", "sign-in-failed:" + event.userId() + ":" + event.at().toEpochMilli()).update();
        if (first == 1) {
            count(event.tenantId(), event.at());
        }
    }

    /** Counts a wrong password in its hour and applies the rule to that hour. */
    void count(UUID tenantId, Instant at) {
        Timestamp hour = Timestamp.from(at.truncatedTo(ChronoUnit.HOURS));
        jdbc.sql("""
                INSERT INTO tenant_sign_in_failures (tenant_id, hour, failures) VALUES (:t, :hour, 1)
                ON CONFLICT (tenant_id, hour) DO UPDATE SET failures = tenant_sign_in_failures.failures + 1""")
                .param("t", tenantId).param("hour", hour).update();
        record Failures(int thisHour, double average) {
        }
        Failures failures = jdbc.sql("""
                SELECT coalesce((SELECT failures FROM tenant_sign_in_failures WHERE tenant_id = :t AND hour = :hour), 0),
                       coalesce((SELECT sum(failures) FROM tenant_sign_in_failures WHERE tenant_id = :t
                                    AND hour >= CAST(:hour AS timestamptz) - interval '7 days' AND hour < :hour), 0) / 168.0""")
                .param("t", tenantId).param("hour", hour)
                .query((rs, n) -> new Failures(rs.getInt(1), rs.getDouble(2))).single();
        if (failures.thisHour() >= MINIMUM && failures.thisHour() >= FACTOR * failures.average()) {
            flags.flagAutomatically(tenantId, "sign-in-burst-rule", String.format(Locale.ROOT, "Failed sign-in burst: %d wrong passwords in"
                    + " the hour from %s against an average of %.1f an hour over the previous 7 days", failures.thisHour(),
                    hour.toInstant(), failures.average()));
        }
    }
}
