package com.iusign.platform.domains;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DNS answered from records held in memory, nothing asked on the network: for tests, and for a
 * deployment that must check domains against its own view of DNS (declare it as the
 * {@link DomainResolver} bean). {@code put…} replaces a name's records of that kind (none given:
 * the name has none); records can be changed while it is in use.
 */
public final class StaticDomainResolver implements DomainResolver {

    private final Map<String, List<String>> addresses = new ConcurrentHashMap<>();
    private final Map<String, List<String>> cnames = new ConcurrentHashMap<>();
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();

    public StaticDomainResolver putAddresses(String name, String... values) {
        addresses.put(name, List.of(values));
        return this;
    }

    public StaticDomainResolver putCnames(String name, String... values) {
        cnames.put(name, List.of(values));
        return this;
    }

    public StaticDomainResolver putTxt(String name, String... values) {
        txt.put(name, List.of(values));
        return this;
    }

    /** Forgets every record of every kind. */
    public void clear() {
        addresses.clear();
        cnames.clear();
        txt.clear();
    }

    @Override
    public List<String> addresses(String name) {
        return addresses.getOrDefault(name, List.of());
    }

    @Override
    public List<String> cnames(String name) {
        return cnames.getOrDefault(name, List.of());
    }

    @Override
    public List<String> txt(String name) {
        return txt.getOrDefault(name, List.of());
    }
}
