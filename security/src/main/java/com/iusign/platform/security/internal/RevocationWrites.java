package com.iusign.platform.security.internal;

import com.iusign.platform.lifecycle.TenantStatus;
import com.iusign.platform.security.SessionRevocation;
import com.iusign.platform.security.TenantTokens;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The writes behind {@link SessionRevocation}: PostgreSQL in the caller's transaction, Redis after it commits. */
@Component
public class RevocationWrites {

    private final GateStore store;
    private final GateCache cache;
    private final PlatformSigningKeys keys;
    private final TenantTokens tokens;
    private final Clock clock = Clock.systemUTC();

    RevocationWrites(GateStore store, GateCache cache, PlatformSigningKeys keys, TenantTokens tokens) {
        this.store = store;
        this.cache = cache;
        this.keys = keys;
        this.tokens = tokens;
    }

    public Instant flushTenant(UUID tenantId, TenantStatus currentStatus, String by) {
        Instant notBefore = NotBefore.after(clock.instant());
        store.ensureTenant(tenantId, currentStatus);
        store.recordFlush(tenantId, notBefore, by);
        AfterCommit.run(() -> cache.tenantChanged(tenantId));
        return notBefore;
    }

    public Instant flushUser(UUID tenantId, UUID userId) {
        Instant notBefore = NotBefore.after(clock.instant());
        store.moveUserNotBefore(userId, tenantId, notBefore);
        AfterCommit.run(() -> cache.userChanged(userId));
        return notBefore;
    }

    public void denyToken(UUID tenantId, String jti, Instant expiresAt) {
        store.deny(jti, tenantId, expiresAt);
        AfterCommit.run(() -> cache.tokenDenied(jti, expiresAt.toEpochMilli()));
    }

    public Optional<SessionRevocation.LastFlush> lastFlush(UUID tenantId) {
        return store.lastFlush(tenantId).map(entry -> new SessionRevocation.LastFlush(entry.getKey(), entry.getValue()));
    }

    public JwtDecoder probeDecoder() {
        return TenantApiSecurityConfiguration.tenantTokenDecoder(keys, tokens.issuer());
    }
}
