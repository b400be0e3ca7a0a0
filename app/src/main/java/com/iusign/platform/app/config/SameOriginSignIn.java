package com.iusign.platform.app.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Refuses a console sign-in posted from another site (login CSRF: a page elsewhere signing the
 * victim's browser in to the attacker's account). Vaadin's login form posts without a CSRF token,
 * so the browser's own word is checked instead, as OWASP recommends: {@code Sec-Fetch-Site} must not
 * say cross-site, and an {@code Origin} must be this platform's. A client that sends neither (a
 * script, not a browser) is not a login-CSRF victim and is let through.
 */
final class SameOriginSignIn extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if ("cross-site".equalsIgnoreCase(site) || (origin != null && !sameOrigin(origin, request))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"type":"urn:iusign:problem:forbidden","title":"Forbidden","status":403,\
                    "detail":"A sign-in must be sent from the console's own page, not from another site"}""");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() == -1 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort();
            return request.getScheme().equalsIgnoreCase(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
