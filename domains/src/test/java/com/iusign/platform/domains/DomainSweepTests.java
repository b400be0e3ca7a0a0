package com.iusign.platform.domains;

import com.iusign.platform.kernel.Actor;
import com.iusign.platform.kernel.Change;
import com.iusign.platform.lifecycle.ProvisionTenant;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.testfixtures.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.net.ssl.SSLServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep re-checks every custom domain and lists the certificates that end within the warning window. */
@ApplicationModuleTest(extraIncludes = "lifecycle")
@Import(DomainSweepTests.LoopbackDns.class)
class DomainSweepTests {

    private static final String DOMAIN = "sign.sweep-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    private static final SSLServerSocket SERVER = server();

    private final TenantLifecycle lifecycle;
    private final TenantDomains domains;

    DomainSweepTests(TenantLifecycle lifecycle, TenantDomains domains) {
        this.lifecycle = lifecycle;
        this.domains = domains;
    }

    @DynamicPropertySource
    static void tlsPort(DynamicPropertyRegistry registry) {
        registry.add("iusign.domains.tls-port", SERVER::getLocalPort);
        registry.add("iusign.domains.timeout", () -> "2s");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class LoopbackDns {

        @Bean
        DomainResolver loopbackResolver() {
            return new StaticDomainResolver().putAddresses(DOMAIN, "127.0.0.1").putAddresses("localhost", "127.0.0.1");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.close();
    }

    @Test
    void theSweepRecordsEachDomainAndListsCertificatesEndingWithinTheWindow() {
        String slug = TestTenants.slug("sweep");
        var tenant = lifecycle.provision(new ProvisionTenant("Sweep " + slug, slug, "starter", "o@sweep.test", DOMAIN),
                Change.of(Actor.system("test"), "Sweep test")).id();

        assertThat(domains.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(domains.expiringCertificates(14)).filteredOn(item -> item.tenantId().equals(tenant.value()))
                .singleElement().satisfies(item -> {
                    assertThat(item.domain()).isEqualTo(DOMAIN);
                    assertThat(item.notAfter()).isBetween(Instant.now().plus(Duration.ofDays(9)), Instant.now().plus(Duration.ofDays(11)));
                });
        assertThat(domains.expiringCertificates(5)).noneMatch(item -> item.tenantId().equals(tenant.value()));
    }

    private static SSLServerSocket server() {
        try {
            TestTls.Issued authority = TestTls.authority("Sweep CA");
            TestTls.Issued leaf = TestTls.server(authority, DOMAIN, Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(Duration.ofDays(10)));
            return TestTls.serve(leaf.keys().getPrivate(), leaf.certificate(), authority.certificate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
