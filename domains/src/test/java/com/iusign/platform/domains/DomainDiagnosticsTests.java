package com.iusign.platform.domains;

import com.iusign.platform.domains.internal.ProbeTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.X509TrustManager;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each failure mode of a custom domain gets its own verdict, against a loopback TLS server and a resolver the test controls. */
class DomainDiagnosticsTests {

    private static final String DOMAIN = "sign.acme.test";
    private static final String TARGET = "tenants.iusign.test";
    private static final String TOKEN = "iusign-verification=abc123";
    private static final Instant NOW = Instant.now();

    private final StaticDomainResolver resolver = new StaticDomainResolver();
    private final List<SSLServerSocket> servers = new ArrayList<>();
    private TestTls.Issued authority;
    private X509TrustManager trust;

    @BeforeEach
    void aCorrectlyConfiguredDomain() throws Exception {
        authority = TestTls.authority("IUSign Test CA");
        trust = TestTls.trusting(authority.certificate());
        resolver.putCnames(DOMAIN, TARGET).putAddresses(DOMAIN, "127.0.0.1").putAddresses(TARGET, "127.0.0.1").putTxt("_iusign-verification." + DOMAIN, TOKEN);
    }

    @AfterEach
    void stopServers() throws Exception {
        for (SSLServerSocket server : servers) {
            server.close();
        }
    }

    @Test
    void aHealthyDomainPassesEveryCheck() throws Exception {
        DomainDiagnosis diagnosis = diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), false));
        assertThat(diagnosis.checks()).extracting(DomainCheck::check).containsExactly("dns", "target", "ownership", "tls",
                "certificate-name", "certificate-validity", "certificate-chain");
        assertThat(diagnosis.checks()).allSatisfy(check -> assertThat(check.status()).as(check.toString()).isEqualTo(DomainCheck.Status.PASS));
        assertThat(diagnosis.verificationRecord()).isEqualTo("_iusign-verification." + DOMAIN);
        assertThat(diagnosis.certificateNotAfter()).isAfter(NOW.plus(Duration.ofDays(89)));
    }

    @Test
    void aDomainPointingElsewhereFailsTheTargetCheckWithTheFix() throws Exception {
        resolver.putCnames(DOMAIN, "old-host.example.test").putAddresses(DOMAIN, "127.0.0.2");
        DomainCheck target = check(diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), false)), "target");
        assertThat(target.status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(target.detail()).contains("old-host.example.test");
        assertThat(target.fix()).contains("CNAME pointing to " + TARGET);
    }

    @Test
    void aMissingOwnershipRecordFailsAndNamesTheRecordToCreate() throws Exception {
        resolver.putTxt("_iusign-verification." + DOMAIN);
        DomainCheck ownership = check(diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), false)), "ownership");
        assertThat(ownership.status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(ownership.fix()).contains("_iusign-verification." + DOMAIN).contains(TOKEN);
    }

    @Test
    void anExpiredCertificateFailsAndOneExpiringSoonWarns() throws Exception {
        DomainCheck expired = check(diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(100)), NOW.minus(Duration.ofDays(3)), false)),
                "certificate-validity");
        assertThat(expired.status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(expired.detail()).contains("expired 3 day(s) ago");
        DomainCheck soon = check(diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(80)), NOW.plus(Duration.ofDays(10)).plusSeconds(60), false)),
                "certificate-validity");
        assertThat(soon.status()).isEqualTo(DomainCheck.Status.WARN);
        assertThat(soon.detail()).contains("expires in 10 day(s)");
    }

    @Test
    void aSelfSignedCertificateFailsTheChainCheck() throws Exception {
        DomainCheck chain = check(diagnose(serving(DOMAIN, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), true)),
                "certificate-chain");
        assertThat(chain.status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(chain.detail()).startsWith("The certificate is self-signed");
    }

    @Test
    void aCertificateForAnotherNameFailsTheNameCheck() throws Exception {
        DomainCheck name = check(diagnose(serving("other.example.test", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)), false)),
                "certificate-name");
        assertThat(name.status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(name.detail()).contains("other.example.test");
    }

    @Test
    void anUnreachableServerFailsTheTlsCheckQuicklyAndSkipsTheCertificateChecks() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long start = System.nanoTime();
        DomainDiagnosis diagnosis = diagnose(closed);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("bounded by the timeout").isLessThan(Duration.ofSeconds(5));
        assertThat(check(diagnosis, "tls").status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(check(diagnosis, "certificate-chain").detail()).startsWith("Not checked");
        assertThat(check(diagnosis, "certificate-chain").status()).as("not run, not a warning about the domain").isEqualTo(DomainCheck.Status.NOT_RUN);
    }

    @Test
    void aDomainWithoutRecordsFailsTheDnsCheck() {
        resolver.clear();
        DomainDiagnosis diagnosis = diagnose(443);
        assertThat(check(diagnosis, "dns").status()).isEqualTo(DomainCheck.Status.FAIL);
        assertThat(check(diagnosis, "dns").fix()).contains("CNAME record for " + DOMAIN + " pointing to " + TARGET);
    }

    @Test
    void aDomainResolvingToAnInternalAddressIsNotConnectedToAndTheAnswerSaysWhy() throws Exception {
        try (ServerSocket inside = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!inside.isClosed()) {
                    try (var connection = inside.accept()) {
                        accepted.incrementAndGet();
                    } catch (java.io.IOException e) {
                        // closed at the end of the test
                    }
                }
            });

            DomainDiagnosis diagnosis = new DomainDiagnostics(resolver, trust, TARGET, inside.getLocalPort(), Duration.ofSeconds(2),
                    Clock.systemUTC(), ProbeTargets.allowing("")).diagnose(DOMAIN, TOKEN);

            DomainCheck tls = check(diagnosis, "tls");
            assertThat(tls.status()).isEqualTo(DomainCheck.Status.FAIL);
            assertThat(tls.detail()).contains("127.0.0.1 is a loopback address", "does not open connections to internal networks");
            assertThat(check(diagnosis, "certificate-name").detail()).containsIgnoringCase("not checked");
            assertThat(accepted).as("nothing connected to the inside").hasValue(0);
        }
    }

    @Test
    void everyKindOfInternalAddressIsRefusedAndOnlyAllowedNetworksPass() {
        ProbeTargets targets = ProbeTargets.allowing("10.1.2.0/24");
        for (String internal : List.of("127.0.0.53", "10.9.8.7", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1", "sign.acme.test")) {
            assertThat(targets.refusal(internal)).as(internal).isPresent();
        }
        assertThat(targets.refusal("169.254.169.254")).hasValueSatisfying(why -> assertThat(why).contains("link-local"));
        assertThat(targets.refusal("10.1.2.3")).as("an allowed network").isEmpty();
        assertThat(targets.refusal("93.184.216.34")).isEmpty();
        assertThat(targets.refusal("2606:4700:4700::1111")).isEmpty();
    }

    @Test
    void wildcardsCoverExactlyOneLabel() {
        assertThat(DomainDiagnostics.matches("*.acme.test", "sign.acme.test")).isTrue();
        assertThat(DomainDiagnostics.matches("*.acme.test", "a.sign.acme.test")).isFalse();
        assertThat(DomainDiagnostics.matches("*.acme.test", "acme.test")).isFalse();
    }

    private int serving(String certificateName, Instant notBefore, Instant notAfter, boolean selfSigned) throws Exception {
        TestTls.Issued leaf = TestTls.server(selfSigned ? null : authority, certificateName, notBefore, notAfter);
        SSLServerSocket server = selfSigned ? TestTls.serve(leaf.keys().getPrivate(), leaf.certificate())
                : TestTls.serve(leaf.keys().getPrivate(), leaf.certificate(), authority.certificate());
        servers.add(server);
        return server.getLocalPort();
    }

    private DomainDiagnosis diagnose(int port) {
        return new DomainDiagnostics(resolver, trust, TARGET, port, Duration.ofSeconds(2), Clock.systemUTC(),
                ProbeTargets.allowing("127.0.0.1/32")).diagnose(DOMAIN, TOKEN);
    }

    private static DomainCheck check(DomainDiagnosis diagnosis, String name) {
        return diagnosis.checks().stream().filter(check -> check.check().equals(name)).findFirst().orElseThrow();
    }
}
