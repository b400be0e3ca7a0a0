package com.iusign.platform.security.internal;

import com.iusign.platform.kernel.TenantId;
import com.iusign.platform.lifecycle.TenantLifecycle;
import com.iusign.platform.kernel.NotFound;
import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.GateRefusal;
import com.iusign.platform.security.GateRefusal.Decision;
import com.iusign.platform.security.TenantAccess;
import com.iusign.platform.security.TenantTokens;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The access gate's checks after the token's signature, issuer, audience and expiry (the
 * decoder's): the tenant is ACTIVE → the token was issued (to the millisecond) no earlier than
 * the tenant's and the user's not-before → its {@code jti} is not deny-listed. The effective
 * cut-off is therefore the latest of the tenant's, the user's and the token's own expiry. It is
 * also the {@link TenantAccess} of anonymous entry points and refresh tokens.
 */
@Component
public class AccessGate implements TenantAccess {

    private final GateCache cache;
    private final GateStore store;
    private final TenantLifecycle lifecycle;

    AccessGate(GateCache cache, GateStore store, TenantLifecycle lifecycle) {
        this.cache = cache;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    public Decision evaluate(Jwt token) {
        UUID tenantId;
        UUID userId;
        long issuedAt;
        try {
            tenantId = UUID.fromString(token.getClaimAsString(TenantTokens.TENANT_CLAIM));
            userId = UUID.fromString(token.getSubject());
            issuedAt = ((Number) token.getClaims().get(TenantTokens.ISSUED_AT_MILLIS)).longValue();
        } catch (RuntimeException e) {
            return new Decision(GateRefusal.INVALID_TOKEN, "The token lacks a valid tid, sub or iat_ms claim");
        }
        if (token.getId() == null) {
            return new Decision(GateRefusal.INVALID_TOKEN, "The token has no jti");
        }
        Decision session = evaluateSession(tenantId, userId, issuedAt);
        if (!session.allowed()) {
            return session;
        }
        if (cache.isDenied(token.getId())) {
            return new Decision(GateRefusal.TOKEN_REVOKED, "This token was revoked");
        }
        return Decision.allow();
    }

    /**
     * The checks a session must pass whatever its credential — an access token or a refresh token
     * started at {@code startedAtMillis}: the tenant is ACTIVE and the session began no earlier than
     * the tenant's and the user's not-before. A flush or a suspension therefore ends refresh tokens
     * as well as access tokens, and a reactivation cannot bring either back.
     */
    public Decision evaluateSession(UUID tenantId, UUID userId, long startedAtMillis) {
        Optional<GateStore.TenantState> tenant = cache.tenant(tenantId).or(() -> adopt(tenantId));
        if (tenant.isEmpty()) {
            return new Decision(GateRefusal.UNKNOWN_TENANT, "No tenant with id " + tenantId);
        }
        TenantStatus status = tenant.get().status();
        if (status == TenantStatus.SUSPENDED) {
            return new Decision(GateRefusal.TENANT_SUSPENDED, "The organization is suspended; access returns when a"
                    + " platform administrator reactivates it");
        }
        if (status != TenantStatus.ACTIVE) {
            return new Decision(GateRefusal.TENANT_DEACTIVATED, status == TenantStatus.PURGED
                    ? "The organization was deactivated and its data deleted" : "The organization was deactivated");
        }
        if (startedAtMillis < tenant.get().notBeforeMillis()) {
            return new Decision(GateRefusal.SESSION_FLUSHED, "The session began before the organization's sessions were ended");
        }
        if (startedAtMillis < cache.userNotBefore(userId)) {
            return new Decision(GateRefusal.SESSION_FLUSHED, "The session began before this user's sessions were ended");
        }
        return Decision.allow();
    }

    /** The tenant's status from the near cache or PostgreSQL; empty when no such tenant exists. */
    @Override
    public Optional<TenantStatus> status(UUID tenantId) {
        return cache.tenant(tenantId).or(() -> adopt(tenantId)).map(GateStore.TenantState::status);
    }

    @Override
    public Decision session(UUID tenantId, UUID userId, Instant startedAt) {
        return evaluateSession(tenantId, userId, startedAt.toEpochMilli());
    }

    /** A tenant provisioned before the gate kept its own state: take the lifecycle's status once. */
    private Optional<GateStore.TenantState> adopt(UUID tenantId) {
        try {
            TenantStatus status = lifecycle.get(new TenantId(tenantId)).status();
            store.ensureTenant(tenantId, status);
            return store.tenant(tenantId);
        } catch (NotFound e) {
            return Optional.empty();
        }
    }
}
