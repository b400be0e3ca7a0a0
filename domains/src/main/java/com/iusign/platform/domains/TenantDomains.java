package com.iusign.platform.domains;

import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.kernel.Conflict;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.domains.internal.ProbeTargets;
import com.iusign.platform.domains.internal.SystemDomainResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.iusign.platform.lifecycle.TenantStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * "Tenant unreachable?": the tenant's custom domain checked against the platform's target
 * ({@code iusign.domains.target}), its ownership token, and its certificate on
 * {@code iusign.domains.tls-port} (default 443), each network step within
 * {@code iusign.domains.timeout} (default 5 s). The token is created on first use and shown to
 * the SuperAdmin, who passes it to the tenant. Every diagnosis is kept (the latest per tenant) and a
 * daily sweep re-checks all custom domains, so certificates about to expire are listed before
 * the tenant becomes unreachable.
 */
@Service
public class TenantDomains {

    private static final Logger log = LoggerFactory.getLogger(TenantDomains.class);

    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final DomainDiagnostics diagnostics;
    private final SecureRandom random = new SecureRandom();

    TenantDomains(TenantLifecycle lifecycle, JdbcClient jdbc, ObjectProvider<DomainResolver> resolver,
                  @Value("${iusign.domains.target:${iusign.public-url:localhost}}") String target, @Value("${iusign.domains.tls-port:443}") int tlsPort,
                  @Value("${iusign.domains.timeout:5s}") Duration timeout,
                  @Value("${iusign.domains.allowed-internal-networks:}") String allowedInternalNetworks) throws GeneralSecurityException {
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.diagnostics = new DomainDiagnostics(resolver.getIfAvailable(SystemDomainResolver::new), systemTrust(), hostOf(target), tlsPort,
                timeout, Clock.systemUTC(), ProbeTargets.allowing(allowedInternalNetworks));
    }

    /** The CNAME target: {@code iusign.domains.target}, else the host of the console's public URL (never its scheme or port). */
    static String hostOf(String target) {
        String value = target.strip();
        if (value.contains("://")) {
            String host = java.net.URI.create(value).getHost();
            return host == null ? value : host;
        }
        return value;
    }

    /** The tenant's ownership token, created the first time it is asked for. */
    public String verificationToken(TenantId tenantId) {
        lifecycle.get(tenantId);
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        jdbc.sql("INSERT INTO domain_verification (tenant_id, token) VALUES (:tenant, :token) ON CONFLICT DO NOTHING")
                .param("tenant", tenantId.value()).param("token", "iusign-verification=" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .update();
        return jdbc.sql("SELECT token FROM domain_verification WHERE tenant_id = :tenant").param("tenant", tenantId.value())
                .query(String.class).single();
    }

    /**
     * Runs every check now (blocking for at most a few timeouts: call it off the UI thread).
     *
     * @throws IllegalStateException when the tenant has no custom domain
     */
    public DomainDiagnosis diagnose(TenantId tenantId) {
        Tenant tenant = lifecycle.get(tenantId);
        if (tenant.customDomain() == null || tenant.customDomain().isBlank()) {
            throw new Conflict("customDomain", tenant.name() + " has no custom domain: set one (Edit) before checking it");
        }
        DomainDiagnosis diagnosis = diagnostics.diagnose(tenant.customDomain(), verificationToken(tenantId));
        record(tenantId, diagnosis);
        return diagnosis;
    }

    /** The daily sweep ({@code iusign.domains.sweep-cron}, 03:17 UTC by default): the first instance to claim the day runs it. */
    @Scheduled(cron = "${iusign.domains.sweep-cron:0 17 3 * * *}", zone = "UTC")
    void dailySweep() {
        if (jdbc.sql("INSERT INTO domain_sweep_run (day) VALUES ((now() AT TIME ZONE 'UTC')::date) ON CONFLICT DO NOTHING").update() == 1) {
            sweep();
        }
    }

    /** Re-checks every tenant with a custom domain that is not deactivated; returns how many were checked. */
    public int sweep() {
        int checked = 0;
        TenantId after = null;
        List<Tenant> page;
        do {
            page = lifecycle.tenantsAfter(after, 500);
            for (Tenant tenant : page) {
                if (tenant.customDomain() != null && !tenant.customDomain().isBlank() && !tenant.status().closed()) {
                    diagnose(tenant.id());
                    checked++;
                }
            }
            after = page.isEmpty() ? after : page.getLast().id();
        } while (page.size() == 500);
        log.info("Domain sweep checked {} custom domains", checked);
        return checked;
    }

    /** Tenants whose certificate, at their latest check, ends within {@code days} days (or already ended). */
    public List<ExpiringCertificate> expiringCertificates(int days) {
        return jdbc.sql("""
                SELECT tenant_id, domain, certificate_not_after, checked_at FROM domain_check
                 WHERE certificate_not_after < now() + make_interval(days => :days) ORDER BY certificate_not_after""")
                .param("days", days)
                .query((rs, n) -> new ExpiringCertificate(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    public record ExpiringCertificate(UUID tenantId, String domain, Instant notAfter, Instant checkedAt) {
    }

    private void record(TenantId tenantId, DomainDiagnosis diagnosis) {
        String summary = diagnosis.checks().stream().filter(check -> check.status() != DomainCheck.Status.PASS)
                .map(check -> check.check() + " " + check.status().label().toLowerCase()).reduce((a, b) -> a + ", " + b).orElse("all checks passed");
        jdbc.sql("""
                INSERT INTO domain_check (tenant_id, domain, checked_at, failed, warned, certificate_not_after, summary)
                VALUES (:tenant, :domain, :at, :failed, :warned, :notAfter, :summary)
                ON CONFLICT (tenant_id) DO UPDATE SET domain = excluded.domain, checked_at = excluded.checked_at, failed = excluded.failed,
                       warned = excluded.warned, certificate_not_after = excluded.certificate_not_after, summary = excluded.summary""")
                .param("tenant", tenantId.value()).param("domain", diagnosis.domain()).param("at", Timestamp.from(diagnosis.checkedAt()))
                .param("failed", (int) diagnosis.count(DomainCheck.Status.FAIL)).param("warned", (int) diagnosis.count(DomainCheck.Status.WARN))
                .param("notAfter", diagnosis.certificateNotAfter() == null ? null : Timestamp.from(diagnosis.certificateNotAfter()))
                .param("summary", summary.length() > 1000 ? summary.substring(0, 1000) : summary).update();
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("The JVM has no X.509 trust manager"));
    }
}
