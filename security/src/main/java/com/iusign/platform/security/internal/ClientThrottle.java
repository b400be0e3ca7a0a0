package com.iusign.platform.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.iusign.platform.security.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Throttles the unauthenticated doors per client address ({@link ClientAddress}), before Spring
 * Security and so before any password hash or signature is checked: over the limit, 429 with
 * {@code Retry-After} and nothing else is done.
 *
 * <ul>
 *   <li>Sign-in doors and signing links: every request takes a token from the address's bucket
 *       (shared by instances through {@link TokenBuckets}); an address whose bucket is empty is
 *       refused locally until a token is due back.</li>
 *   <li>Bearer tokens: only a refused one (401) takes a token, so that valid traffic costs no
 *       Redis call; once the bucket is empty the address is refused locally until it refills.
 *       Another instance learns of it at the address's next refused token there, so across N
 *       instances an address gets at most N − 1 more refused tokens than the burst.</li>
 * </ul>
 */
final class ClientThrottle extends OncePerRequestFilter {

    private enum Door { SIGN_IN, SIGNING_LINK, BEARER }

    private final TokenBuckets buckets;
    private final ThrottleProperties limits;
    /** Door and address → until when this instance refuses them without asking Redis (the bucket is empty until then). */
    private final Cache<String, Long> refusingUntil = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    ClientThrottle(TokenBuckets buckets, ThrottleProperties limits) {
        this.buckets = buckets;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Door door = limits.enabled() ? door(request) : null;
        if (door == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = ClientAddress.of(request);
        switch (door) {
            case SIGN_IN -> {
                if (admitted(response, "sign-in", address, limits.signInPerSecond(), limits.signInBurst(), "sign-in attempts")) {
                    chain.doFilter(request, response);
                }
            }
            case SIGNING_LINK -> {
                if (admitted(response, "signing-link", address, limits.signingLinksPerSecond(), limits.signingLinksBurst(),
                        "signing-link requests")) {
                    chain.doFilter(request, response);
                }
            }
            case BEARER -> {
                if (refusedLocally(response, "bad-token:" + address, "Too many refused tokens from your address")) {
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                    TokenBuckets.Decision decision = buckets.take("iusign:throttle:bad-token:" + address, limits.badTokensPerSecond(),
                            limits.badTokensBurst());
                    if (decision.remaining() == 0) {
                        refusingUntil.put("bad-token:" + address, System.currentTimeMillis() + Math.max(1_000, decision.retryAfterMillis()));
                    }
                }
            }
        }
    }

    /**
     * Takes a token from the address's bucket of this door. Once the bucket is empty the address is
     * refused here without a Redis call until a token is due back, so a flood of refused requests
     * costs no more than the 429 itself.
     */
    private boolean admitted(HttpServletResponse response, String door, String address, int perSecond, int burst, String what)
            throws IOException {
        String key = door + ":" + address;
        if (refusedLocally(response, key, "Too many " + what + " from your address")) {
            return false;
        }
        TokenBuckets.Decision decision = buckets.take("iusign:throttle:" + key, perSecond, burst);
        if (!decision.allowed()) {
            refusingUntil.put(key, System.currentTimeMillis() + decision.retryAfterMillis());
            refuse(response, decision.retryAfterMillis(), "Too many " + what + " from your address");
        }
        return decision.allowed();
    }

    private boolean refusedLocally(HttpServletResponse response, String key, String what) throws IOException {
        Long until = refusingUntil.getIfPresent(key);
        long now = System.currentTimeMillis();
        if (until != null && until > now) {
            refuse(response, until - now, what);
            return true;
        }
        return false;
    }

    private static void refuse(HttpServletResponse response, long retryAfterMillis, String what) throws IOException {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.getWriter().write("""
                {"type":"urn:iusign:problem:rate-limited","title":"Too many requests","status":429,\
                "detail":"%s; retry after %d s"}""".formatted(what, seconds));
    }

    private static Door door(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = "POST".equals(request.getMethod());
        if (post && (path.equals("/api/v1/auth/token") || path.equals("/api/v1/auth/refresh") || path.equals("/api/v1/auth/activate")
                || path.equals("/oauth2/token") || path.equals("/login") || path.equals("/api/public/recovery/veto"))) {
            return Door.SIGN_IN;
        }
        if (path.startsWith("/api/public/signing/") || path.startsWith("/sign/")) {
            return Door.SIGNING_LINK;
        }
        if (request.getHeader("Authorization") != null && (path.startsWith("/api/") || path.startsWith("/actuator/"))) {
            return Door.BEARER;
        }
        return null;
    }
}
