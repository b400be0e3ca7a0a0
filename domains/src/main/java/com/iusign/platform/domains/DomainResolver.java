package com.iusign.platform.domains;

import java.util.List;

/**
 * The DNS lookups domain diagnostics need. The default asks the system's DNS servers; tests and
 * deployments with split-horizon DNS provide their own bean. Each method answers an empty list
 * for a name without such records and throws {@link java.io.UncheckedIOException} when DNS could
 * not be asked at all.
 */
public interface DomainResolver {

    /** IPv4 and IPv6 addresses (A and AAAA records, following CNAMEs). */
    List<String> addresses(String name);

    /** The CNAME target of the name itself, without a trailing dot. */
    List<String> cnames(String name);

    List<String> txt(String name);
}
