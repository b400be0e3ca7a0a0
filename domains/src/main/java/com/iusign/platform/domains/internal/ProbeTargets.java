package com.iusign.platform.domains.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses the domain diagnostics may connect to. A tenant chooses its custom domain and
 * its DNS, so a name can resolve anywhere — to this machine, the platform's private network or a
 * cloud metadata endpoint; connecting there and reporting what answered would make the platform
 * a probe of its own inside. Only public unicast addresses are connected to, plus the networks an
 * operator allows explicitly ({@code iusign.domains.allowed-internal-networks}, CIDRs, e.g. a
 * private load balancer); the answer says why an address was refused.
 */
public final class ProbeTargets {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private record Network(byte[] prefix, int bits) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> allowed;

    private ProbeTargets(List<Network> allowed) {
        this.allowed = allowed;
    }

    /** @param cidrs comma-separated networks that may be connected to although internal; blank for none */
    public static ProbeTargets allowing(String cidrs) {
        List<Network> networks = new ArrayList<>();
        for (String cidr : cidrs == null ? new String[0] : cidrs.split(",")) {
            if (cidr.isBlank()) {
                continue;
            }
            String[] parts = cidr.strip().split("/");
            byte[] prefix = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "iusign.domains.allowed-internal-networks: '" + cidr.strip() + "' is not an IP network (e.g. 10.1.2.0/24)")).getAddress();
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : prefix.length * 8;
            if (bits < 0 || bits > prefix.length * 8) {
                throw new IllegalArgumentException("iusign.domains.allowed-internal-networks: bad prefix length in '" + cidr.strip() + "'");
            }
            networks.add(new Network(prefix, bits));
        }
        return new ProbeTargets(List.copyOf(networks));
    }

    /** Why {@code address} must not be connected to; empty when it may. */
    public Optional<String> refusal(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return Optional.of(address + " is not an IP address");
        }
        InetAddress ip = parsed.get();
        if (allowed.stream().anyMatch(network -> network.contains(ip.getAddress()))) {
            return Optional.empty();
        }
        return internalKind(ip).map(kind -> address + " is " + kind);
    }

    private static Optional<String> internalKind(InetAddress ip) {
        byte[] b = ip.getAddress();
        if (ip.isLoopbackAddress()) {
            return Optional.of("a loopback address (this machine)");
        }
        if (ip.isAnyLocalAddress()) {
            return Optional.of("the unspecified address");
        }
        if (ip.isLinkLocalAddress()) {
            return Optional.of("a link-local address (e.g. a cloud metadata endpoint)");
        }
        if (ip.isSiteLocalAddress()) {
            return Optional.of("a private-network address");
        }
        if (ip.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (b.length == 4 && ((b[0] & 0xff) == 0 || ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 0x40) || (b[0] & 0xff) >= 240)) {
            return Optional.of("a reserved or carrier-grade NAT address");
        }
        if (b.length == 16 && (b[0] & 0xfe) == 0xfc) {
            return Optional.of("an IPv6 unique local address (private network)");
        }
        return Optional.empty();
    }

    /** Parses an IP literal without ever asking DNS (a name here would be resolved again, and could answer differently). */
    private static Optional<InetAddress> literal(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || address.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
