package com.iusign.platform.security.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The rate limit as the client sees it, on every tenant API response: {@code RateLimit-Limit}
 * (requests per second), {@code RateLimit-Remaining} (the burst left), {@code RateLimit-Reset}
 * (seconds until the next request is allowed, 0 when it is now) and, when refused, {@code Retry-After}.
 * Written through the request context because the limiter runs inside authentication, which has
 * no response of its own.
 */
final class RateLimitHeaders {

    private RateLimitHeaders() {
    }

    static void write(TokenBuckets.Decision decision) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || attributes.getResponse() == null) {
            return;
        }
        HttpServletResponse response = attributes.getResponse();
        response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
        response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.setHeader("RateLimit-Reset", decision.allowed() ? "0" : Long.toString(retryAfterSeconds(decision)));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds(decision)));
        }
    }

    static long retryAfterSeconds(TokenBuckets.Decision decision) {
        return Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
    }
}
