package com.iusign.platform.domains.internal;

import com.iusign.platform.domains.DomainResolver;

import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

/** DNS through the JDK: addresses from the system resolver, CNAME and TXT through JNDI's DNS provider, 5 s at most. */
public final class SystemDomainResolver implements DomainResolver {

    @Override
    public List<String> addresses(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name)).map(InetAddress::getHostAddress).distinct().toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    @Override
    public List<String> cnames(String name) {
        return records(name, "CNAME").stream().map(value -> value.endsWith(".") ? value.substring(0, value.length() - 1) : value).toList();
    }

    @Override
    public List<String> txt(String name) {
        return records(name, "TXT").stream().map(value -> value.replace("\"", "")).toList();
    }

    private static List<String> records(String name, String type) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        environment.put("com.sun.jndi.dns.timeout.initial", "1000");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        try {
            InitialDirContext context = new InitialDirContext(environment);
            try {
                Attribute attribute = context.getAttributes(name, new String[] {type}).get(type);
                List<String> values = new ArrayList<>();
                for (int i = 0; attribute != null && i < attribute.size(); i++) {
                    values.add(attribute.get(i).toString());
                }
                return values;
            } finally {
                context.close();
            }
        } catch (NameNotFoundException e) {
            return List.of();
        } catch (NamingException e) {
            throw new UncheckedIOException(new java.io.IOException("DNS lookup of " + type + " " + name + " failed: " + e.getMessage(), e));
        }
    }
}
