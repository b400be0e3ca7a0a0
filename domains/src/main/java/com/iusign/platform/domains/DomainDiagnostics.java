package com.iusign.platform.domains;

import com.iusign.platform.domains.internal.ProbeTargets;
import com.iusign.platform.domains.internal.TlsProbe;

import javax.net.ssl.X509TrustManager;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks a custom domain for real: DNS records, that they point at the platform's target, the
 * ownership TXT record, then a TLS connection and the certificate it presents (name, validity
 * window, chain). Every network step is bounded by {@code timeout}. Later checks that cannot run
 * because an earlier one failed are reported as WARN "not checked", so the table always has
 * every row.
 */
public final class DomainDiagnostics {

    public static final int EXPIRY_WARNING_DAYS = 14;

    private final DomainResolver resolver;
    private final X509TrustManager trust;
    private final String target;
    private final int tlsPort;
    private final Duration timeout;
    private final Clock clock;

    private final ProbeTargets probeTargets;

    public DomainDiagnostics(DomainResolver resolver, X509TrustManager trust, String target, int tlsPort, Duration timeout, Clock clock,
                             ProbeTargets probeTargets) {
        this.probeTargets = probeTargets;
        this.resolver = resolver;
        this.trust = trust;
        this.target = target.toLowerCase(Locale.ROOT);
        this.tlsPort = tlsPort;
        this.timeout = timeout;
        this.clock = clock;
    }

    public static String verificationRecord(String domain) {
        return "_iusign-verification." + domain;
    }

    public DomainDiagnosis diagnose(String domain, String verificationToken) {
        String name = domain.toLowerCase(Locale.ROOT);
        List<DomainCheck> checks = new ArrayList<>();
        List<String> addresses;
        List<String> cnames;
        try {
            cnames = resolver.cnames(name);
            addresses = resolver.addresses(name);
        } catch (UncheckedIOException e) {
            checks.add(DomainCheck.fail("dns", "DNS could not be asked about " + name + ": " + e.getMessage(),
                    "Retry; if it persists, check the platform's DNS servers"));
            return finish(name, verificationToken, notChecked(checks, "target", "ownership", "tls", "certificate-name",
                    "certificate-validity", "certificate-chain"));
        }
        if (addresses.isEmpty()) {
            checks.add(DomainCheck.fail("dns", name + " has no A, AAAA or CNAME record (or does not exist)",
                    "Create a CNAME record for " + name + " pointing to " + target));
            return finish(name, verificationToken, notChecked(checks, "target", "ownership", "tls", "certificate-name",
                    "certificate-validity", "certificate-chain"));
        }
        checks.add(DomainCheck.pass("dns", name + (cnames.isEmpty() ? "" : " is a CNAME of " + String.join(", ", cnames))
                + " and resolves to " + String.join(", ", addresses)));
        checks.add(targetCheck(name, cnames, addresses));
        checks.add(ownershipCheck(name, verificationToken));
        List<String> refused = addresses.stream().map(probeTargets::refusal).flatMap(java.util.Optional::stream).toList();
        if (!refused.isEmpty()) {
            checks.add(DomainCheck.fail("tls", "Not connecting to " + name + ": " + String.join("; ", refused)
                    + ". The platform does not open connections to internal networks.",
                    "Point " + name + " at the public address of " + target + " (a CNAME to it is best)"));
            return finish(name, verificationToken, notChecked(checks, "certificate-name", "certificate-validity", "certificate-chain"));
        }
        TlsProbe.Result tls = TlsProbe.probe(name, addresses.getFirst(), tlsPort, timeout);
        if (!tls.connected()) {
            checks.add(DomainCheck.fail("tls", "No TLS connection to " + name + " (" + addresses.getFirst() + ":" + tlsPort + "): "
                    + tls.error(), "Make sure " + name + " answers HTTPS on port " + tlsPort + " (firewall, load balancer listener)"));
            return finish(name, verificationToken, notChecked(checks, "certificate-name", "certificate-validity", "certificate-chain"));
        }
        X509Certificate leaf = tls.chain().getFirst();
        checks.add(DomainCheck.pass("tls", "TLS connection to " + addresses.getFirst() + ":" + tlsPort + " presented " + tls.chain().size()
                + " certificate(s): subject " + leaf.getSubjectX500Principal().getName() + ", issuer "
                + leaf.getIssuerX500Principal().getName()));
        checks.add(nameCheck(name, leaf));
        checks.add(validityCheck(leaf));
        checks.add(chainCheck(tls.chain()));
        return new DomainDiagnosis(name, verificationRecord(name), verificationToken, clock.instant(), List.copyOf(checks),
                leaf.getNotAfter().toInstant());
    }

    private DomainCheck targetCheck(String name, List<String> cnames, List<String> addresses) {
        if (cnames.stream().anyMatch(cname -> cname.equalsIgnoreCase(target))) {
            return DomainCheck.pass("target", name + " is a CNAME of the platform target " + target);
        }
        List<String> targetAddresses;
        try {
            targetAddresses = resolver.addresses(target);
        } catch (UncheckedIOException e) {
            targetAddresses = List.of();
        }
        if (!targetAddresses.isEmpty() && targetAddresses.containsAll(addresses)) {
            return DomainCheck.pass("target", name + " resolves to the platform target's addresses (" + String.join(", ", targetAddresses) + ")");
        }
        return DomainCheck.fail("target", name + " points to " + String.join(", ", cnames.isEmpty() ? addresses : cnames)
                + ", not to the platform target " + target + (targetAddresses.isEmpty() ? "" : " (" + String.join(", ", targetAddresses) + ")"),
                "Change the DNS record of " + name + " to a CNAME pointing to " + target);
    }

    private DomainCheck ownershipCheck(String name, String token) {
        String record = verificationRecord(name);
        List<String> values;
        try {
            values = resolver.txt(record);
        } catch (UncheckedIOException e) {
            return DomainCheck.warn("ownership", "The TXT record " + record + " could not be read: " + e.getMessage(), "Retry later");
        }
        if (values.stream().anyMatch(value -> value.strip().equals(token))) {
            return DomainCheck.pass("ownership", record + " holds this tenant's verification token");
        }
        return DomainCheck.fail("ownership", values.isEmpty() ? "There is no TXT record " + record
                        : record + " holds " + String.join(", ", values) + ", not this tenant's token",
                "Add a TXT record " + record + " with the value " + token);
    }

    private static DomainCheck nameCheck(String name, X509Certificate leaf) {
        List<String> names = dnsNames(leaf);
        if (names.stream().anyMatch(pattern -> matches(pattern, name))) {
            return DomainCheck.pass("certificate-name", "The certificate covers " + name + " (" + String.join(", ", names) + ")");
        }
        return DomainCheck.fail("certificate-name", "The certificate is for " + (names.isEmpty() ? "no DNS name"
                : String.join(", ", names)) + ", not " + name, "Issue a certificate whose subject alternative names include " + name);
    }

    private DomainCheck validityCheck(X509Certificate leaf) {
        Instant now = clock.instant();
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        String window = "valid from " + notBefore + " to " + notAfter;
        if (now.isBefore(notBefore)) {
            return DomainCheck.fail("certificate-validity", "The certificate is not valid yet: " + window, "Check the server's clock or reissue");
        }
        if (now.isAfter(notAfter)) {
            return DomainCheck.fail("certificate-validity", "The certificate expired " + ChronoUnit.DAYS.between(notAfter, now)
                    + " day(s) ago: " + window, "Renew the certificate now");
        }
        long days = ChronoUnit.DAYS.between(now, notAfter);
        if (days <= EXPIRY_WARNING_DAYS) {
            return DomainCheck.warn("certificate-validity", "The certificate expires in " + days + " day(s): " + window,
                    "Renew it before " + notAfter);
        }
        return DomainCheck.pass("certificate-validity", days + " days to expiry; " + window);
    }

    private DomainCheck chainCheck(List<X509Certificate> chain) {
        X509Certificate leaf = chain.getFirst();
        try {
            trust.checkServerTrusted(chain.toArray(X509Certificate[]::new), "EC".equals(leaf.getPublicKey().getAlgorithm()) ? "ECDHE_ECDSA" : "RSA");
            return DomainCheck.pass("certificate-chain", "The chain up to " + chain.getLast().getIssuerX500Principal().getName() + " is trusted");
        } catch (CertificateException e) {
            boolean selfSigned = leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
            return DomainCheck.fail("certificate-chain", (selfSigned ? "The certificate is self-signed" : "The chain is not trusted")
                    + ": " + e.getMessage(), selfSigned ? "Replace it with a certificate from a public certificate authority"
                    : "Serve the full chain (leaf and intermediates) from a trusted certificate authority");
        }
    }

    private DomainDiagnosis finish(String domain, String token, List<DomainCheck> checks) {
        return new DomainDiagnosis(domain, verificationRecord(domain), token, clock.instant(), List.copyOf(checks), null);
    }

    private static List<DomainCheck> notChecked(List<DomainCheck> checks, String... names) {
        for (String check : names) {
            checks.add(DomainCheck.notRun(check, "Not checked: an earlier check failed", "Fix the failed check above first"));
        }
        return checks;
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(entry -> Objects.equals(entry.get(0), 2)).map(entry -> entry.get(1).toString().toLowerCase(Locale.ROOT))
                    .toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** RFC 6125: an exact name, or a wildcard in the left-most label covering exactly one label. */
    static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(name);
    }
}
