package com.iusign.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, as throttles and lockouts count it: the peer's address, or —
 * only when the operator declared the proxies in front of the platform
 * ({@code server.forward-headers-strategy=native} with {@code server.tomcat.remoteip.internal-proxies})
 * — the client address those proxies forwarded. A forwarded header from anyone else is ignored,
 * so nobody can pick the address they are counted under.
 */
public final class ClientAddress {

    /** Stands for calls that did not arrive over HTTP (jobs, tests, the console's own server-side calls). */
    public static final String INTERNAL = "internal";

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null || address.isBlank() ? INTERNAL : address;
    }

    /** The address of the HTTP request this thread serves, or {@link #INTERNAL}. */
    public static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : INTERNAL;
    }
}
