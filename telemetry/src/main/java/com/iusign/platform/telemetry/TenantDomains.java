package com.iusign.platform.telemetry;

import com.iusign.platform.lifecycle.Tenant;
import com.iusign.platform.lifecycle.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.telemetry.domain.SystemDomainResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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
 * the SuperAdmin, who passes it to the tenant.
 */
@Service
public class TenantDomains {

    private final TenantLifecycle lifecycle;
    private final JdbcClient jdbc;
    private final DomainDiagnostics diagnostics;
    private final SecureRandom random = new SecureRandom();

    TenantDomains(TenantLifecycle lifecycle, JdbcClient jdbc, ObjectProvider<DomainResolver> resolver,
                  @Value("${iusign.domains.target:localhost}") String target, @Value("${iusign.domains.tls-port:443}") int tlsPort,
                  @Value("${iusign.domains.timeout:5s}") Duration timeout) throws GeneralSecurityException {
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.diagnostics = new DomainDiagnostics(resolver.getIfAvailable(SystemDomainResolver::new), systemTrust(), target, tlsPort,
                timeout, Clock.systemUTC());
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
            throw new IllegalStateException(tenant.name() + " has no custom domain: set one (Edit) before checking it");
        }
        return diagnostics.diagnose(tenant.customDomain(), verificationToken(tenantId));
    }

    private static X509TrustManager systemTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509TrustManager) Arrays.stream(factory.getTrustManagers()).filter(X509TrustManager.class::isInstance).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("The JVM has no X.509 trust manager"));
    }
}
