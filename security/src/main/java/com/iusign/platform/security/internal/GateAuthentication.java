package com.iusign.platform.security.internal;

import com.iusign.platform.security.GateRefusal;
import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.kernel.UserId;
import com.iusign.platform.security.TenantPrincipal;
import com.iusign.platform.security.TenantTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import java.util.List;

/**
 * Runs the {@link AccessGate}, then the tenant's rate limit, as the last step of authenticating a tenant token, so that no
 * request reaches a controller without it and no thread-local lookup can skip it. A refusal, or a
 * gate that cannot decide (PostgreSQL unreachable), fails the authentication: the gate never
 * fails open.
 */
final class GateAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(GateAuthentication.class);

    private final AccessGate gate;
    private final TenantRateLimiter limiter;
    private final GateDecisions decisions;
    private final JwtAuthenticationConverter authorities = new JwtAuthenticationConverter();

    GateAuthentication(AccessGate gate, TenantRateLimiter limiter, GateDecisions decisions) {
        this.gate = gate;
        this.limiter = limiter;
        this.decisions = decisions;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        try {
            AbstractAuthenticationToken allowed = decide(token);
            decisions.allowed();
            return allowed;
        } catch (Refused refused) {
            decisions.refused(refused.refusal());
            throw refused;
        }
    }

    private AbstractAuthenticationToken decide(Jwt token) {
        GateRefusal.Decision decision;
        try {
            decision = gate.evaluate(token);
        } catch (RuntimeException e) {
            log.error("Access gate could not decide; refusing the request", e);
            throw new Refused(null, "The platform could not verify the token's revocation state; retry shortly");
        }
        if (!decision.allowed()) {
            throw new Refused(decision.refusal(), decision.detail());
        }
        TenantPrincipal caller = principal(token);
        TokenBuckets.Decision rate;
        try {
            rate = limiter.acquire(caller.tenantId().value());
        } catch (RuntimeException e) {
            log.error("The tenant's rate limit could not be read; refusing the request", e);
            throw new Refused(null, "The platform could not read this organization's request limit; retry shortly");
        }
        RateLimitHeaders.write(rate);
        if (!rate.allowed()) {
            throw new Refused(GateRefusal.RATE_LIMITED, "This organization's plan allows " + rate.limit()
                    + " requests per second; retry after " + RateLimitHeaders.retryAfterSeconds(rate) + " s");
        }
        return new TenantAuthentication(caller, token, authorities.convert(token).getAuthorities());
    }

    /** The claims the gate has just checked, read into the principal controllers receive. */
    private static TenantPrincipal principal(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        String email = token.getClaimAsString("email");
        return new TenantPrincipal(TenantId.of(token.getClaimAsString(TenantTokens.TENANT_CLAIM)), UserId.of(token.getSubject()),
                email == null ? "" : email, roles == null ? List.of() : roles);
    }

    /** The gate's refusal; {@code refusal} null means it could not decide (answered with 503). */
    static final class Refused extends OAuth2AuthenticationException {

        private final transient GateRefusal refusal;

        Refused(GateRefusal refusal, String detail) {
            super(new OAuth2Error("invalid_token", detail, null), detail);
            this.refusal = refusal;
        }

        GateRefusal refusal() {
            return refusal;
        }
    }
}
